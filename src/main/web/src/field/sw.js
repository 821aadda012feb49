// The field app's service worker: keeps the app's own files so that it opens with no connection. Its cache is named
// after the build (the placeholder below is replaced by a hash of the shell's files when the app is built, see
// stamp.mjs), so every new build is a new worker: the browser installs it on the next visit with a connection, it
// fills a new cache and deletes the old one, and the page gets the new files. The shell is served from the cache
// first (it opens at once on a poor connection); API requests are never touched: records wait in IndexedDB.
const BUILD = "__CORRIDOR_FIELD_BUILD__";
const CACHE = `corridor-field-${BUILD}`;
const SHELL = ["/field/", "/field/app.js", "/field/app.css", "/field/manifest.webmanifest", "/assets/icon.svg"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("corridor-field-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin || url.pathname.startsWith("/api/")) return;
  const shell = url.pathname === "/field" || url.pathname === "/field/index.html" ? "/field/" : url.pathname;
  if (SHELL.includes(shell)) {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(shell).then(
          (cached) =>
            cached ||
            fetch(event.request).then((response) => {
              if (response.ok) cache.put(shell, response.clone());
              return response;
            }),
        ),
      ),
    );
    return;
  }
  event.respondWith(fetch(event.request).catch(() => caches.match(event.request, { ignoreSearch: true })));
});

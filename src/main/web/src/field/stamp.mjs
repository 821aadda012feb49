// Names the field app's service-worker cache after the build: a SHA-256 of the files the worker keeps, written into
// field/sw.js in place of its placeholder. Called by build.mjs after bundling; a change to any of those files makes
// a new worker, which is how an update reaches a phone that keeps the app offline.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const SHELL = ["field/index.html", "field/app.js", "field/app.css", "field/manifest.webmanifest", "assets/icon.svg"];
const PLACEHOLDER = "__CORRIDOR_FIELD_BUILD__";

export function stamp(out) {
  const worker = join(out, "field/sw.js");
  if (!existsSync(worker)) return null;
  const hash = createHash("sha256");
  for (const file of SHELL) {
    const path = join(out, file);
    hash.update(file).update("\0").update(existsSync(path) ? readFileSync(path) : Buffer.alloc(0)).update("\0");
  }
  const build = hash.digest("hex").slice(0, 16);
  const source = readFileSync(worker, "utf8");
  if (!source.includes(PLACEHOLDER)) throw new Error(`field/sw.js lacks ${PLACEHOLDER}`);
  writeFileSync(worker, source.replaceAll(PLACEHOLDER, build));
  console.log(`web: field/sw.js cache corridor-field-${build}`);
  return build;
}

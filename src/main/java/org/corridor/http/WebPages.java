package org.corridor.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The browser pages built from {@code src/main/web} into the jar's {@code /web}: the dashboard at {@code /} and the
 * field app at {@code /field/}. They hold no data (every figure comes from the API behind its access rules), so they
 * are served to anyone; a build made with {@code -DskipWeb=true} has none and serves only the API.
 */
final class WebPages {
    static final String ROOT = "/web";
    /** The path template Javalin gives a request that a static file matched. */
    static final String STATIC_FILES = "*";

    private WebPages() {}

    static boolean built() {
        return WebPages.class.getResource(ROOT + "/index.html") != null;
    }

    static void register(JavalinConfig config) {
        if (!built()) {
            return;
        }
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = ROOT;
            files.location = Location.CLASSPATH;
            // Revalidated on every load (ETag), so a new build is picked up at once; the field app's service worker
            // keeps its own offline copy.
            files.headers = Map.of("Cache-Control", "no-cache");
        });
    }
}

package org.corridor.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.corridor.access.AccessSettings;

/**
 * The headers every response carries, whatever its status: a Content-Security-Policy that allows only this origin's
 * own files (no inline script or style, no framing), no MIME sniffing, no referrer, and HSTS when served over TLS.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    static void register(Javalin app, AccessSettings settings) {
        app.before(ctx -> set(ctx, settings));
    }

    private static void set(Context ctx, AccessSettings settings) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), payment=(), usb=()");
        if (AccessGuard.secure(ctx, settings)) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }
}

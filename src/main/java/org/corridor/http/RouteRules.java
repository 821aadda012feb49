package org.corridor.http;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.access.Rule;

/**
 * The one table of who may call which route: method and path template to {@link Rule}. A route missing from it is
 * refused to everyone (default deny), and {@code AuthorizationMatrixTest} fails for it.
 */
final class RouteRules {
    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("GET /api/health", Rule.OPEN),
            // The browser pages (WebPages): static files holding no data, which Javalin matches as "*".
            Map.entry("GET " + WebPages.STATIC_FILES, Rule.OPEN),
            Map.entry("HEAD " + WebPages.STATIC_FILES, Rule.OPEN),
            Map.entry("POST /api/login", Rule.OPEN),
            Map.entry("POST /api/logout", Rule.SIGNED_IN),
            Map.entry("GET /api/me", Rule.SIGNED_IN),
            Map.entry("PUT /api/me/password", Rule.SIGNED_IN),
            Map.entry("GET /api/operations", Rule.SIGNED_IN),
            Map.entry("POST /api/operations", Rule.DEFINE_OPERATION),
            Map.entry("GET /api/operations/{op}", Rule.READ_DEFINITION),
            Map.entry("POST /api/operations/{op}/observations", Rule.RECORD_OBSERVATIONS),
            Map.entry("GET /api/operations/{op}/observations", Rule.READ_OBSERVATIONS),
            Map.entry("GET /api/operations/{op}/tallies", Rule.READ_TALLIES),
            Map.entry("GET /api/operations/{op}/tallies/series", Rule.READ_TALLIES),
            Map.entry("GET /api/operations/{op}/stream", Rule.READ_TALLIES),
            Map.entry("GET /api/operations/{op}/convoys", Rule.READ_CONVOYS),
            Map.entry("GET /api/operations/{op}/observations/{id}/persons", Rule.READ_PERSONS),
            // The verifier key is published on purpose: whoever checks a checkpoint must get it from the server.
            Map.entry("GET /api/log/key", Rule.OPEN),
            // Whoever may see an operation's numbers may check the log they rest on (public operations: anyone).
            Map.entry("GET /api/operations/{op}/log/checkpoint", Rule.READ_TALLIES),
            Map.entry("GET /api/operations/{op}/log/inclusion", Rule.READ_TALLIES),
            Map.entry("GET /api/operations/{op}/log/consistency", Rule.READ_TALLIES),
            // CONTRACT §7, being built beside this table: its rules wait here for its routes.
            Map.entry("POST /api/operations/{op}/reports", Rule.SUBMIT_REPORTS),
            // A liaison sees its party's figures only; claims are set against the whole operation's.
            Map.entry("GET /api/operations/{op}/claims", Rule.READ_CLAIMS),
            Map.entry("GET /api/users", Rule.ADMIN),
            Map.entry("POST /api/users", Rule.ADMIN),
            Map.entry("DELETE /api/users/{id}", Rule.ADMIN),
            Map.entry("POST /api/users/{id}/tokens", Rule.ADMIN),
            Map.entry("DELETE /api/users/{id}/tokens/{token}", Rule.ADMIN),
            Map.entry("PUT /api/users/{id}/password", Rule.ADMIN),
            Map.entry("GET /api/audit", Rule.ADMIN));

    private RouteRules() {}

    /** The rule of a route, by its method and its path template as registered. */
    static Optional<Rule> of(HandlerType method, String pathTemplate) {
        return Optional.ofNullable(RULES.get(method.name() + " " + pathTemplate));
    }

    /** Every route the server has, as {@code METHOD /path/{template}}, for tests that hold the table to them. */
    static List<String> routes(Javalin app) {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.getEndpoint())
                .filter(endpoint -> endpoint.getMethod().isHttpMethod())
                .map(endpoint -> endpoint.getMethod().name() + " " + endpoint.getPath())
                .sorted()
                .toList();
    }
}

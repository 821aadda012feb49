package org.corridor.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.corridor.access.Access;
import org.corridor.access.AccessSettings;
import org.corridor.access.Policy;
import org.corridor.access.Principal;
import org.corridor.access.Rule;
import org.corridor.core.ForbiddenException;
import org.corridor.core.UnauthorizedException;
import org.corridor.operation.Operation;
import org.corridor.service.CorridorService;

/**
 * Runs before every matched route: finds who is asking (a bearer token or a session cookie), spends one request of
 * their allowance, holds cookie-authenticated writes to their CSRF token, and asks the {@link Policy} with the
 * route's rule from {@link RouteRules}. After a write it records the use in the audit trail. A refusal throws, so the
 * route never runs and nothing changes.
 */
final class AccessGuard {
    /** The session cookie on plain HTTP (a laptop on localhost). */
    static final String SESSION_COOKIE = "corridor_session";
    /**
     * The session cookie over TLS: the {@code __Host-} prefix makes browsers keep it only when set Secure, with
     * Path=/ and no Domain, by this very host, so a sibling subdomain cannot plant or overwrite it.
     */
    static final String SECURE_SESSION_COOKIE = "__Host-corridor_session";

    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "corridor.principal";
    private static final String CORRECTIONS = "corridor.corrections";
    /** The matched route's path template and operation, kept for the after-handler, which sees its own path. */
    private static final String ROUTE = "corridor.route";

    private static final String OPERATION = "corridor.operation";
    /** Who asked, kept until the request is let through, so that a refused read of personal data names them. */
    private static final String REFUSED = "corridor.asking";

    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Access access;
    private final CorridorService service;

    AccessGuard(Access access, CorridorService service) {
        this.access = access;
        this.service = service;
    }

    void register(Javalin app) {
        app.beforeMatched(this::check);
        app.afterMatched(this::recordWrite);
    }

    /** The principal the guard let through, or null on an open route or a public operation's tallies. */
    static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    private void check(Context ctx) {
        Rule rule = RouteRules.of(ctx.method(), ctx.endpointHandlerPath())
                .orElseThrow(() -> new ForbiddenException("no access rule is defined for this route, so it is closed"));
        if (rule == Rule.OPEN) {
            access.throttle("address:" + address(ctx, access.settings()));
            if (!SAFE.contains(ctx.method())) {
                requireSameOrigin(
                        ctx, null); // signing in from another site's page would sign the browser in as someone else
            }
            return;
        }
        if (rule != Rule.READ_PERSONS) {
            checkAuthorized(ctx, rule);
            return;
        }
        try {
            checkAuthorized(ctx, rule);
        } catch (UnauthorizedException | ForbiddenException e) {
            Principal principal = ctx.attribute(REFUSED);
            access.record(
                    PersonsRoutes.AUDIT_KIND,
                    principal == null ? null : principal.id(),
                    address(ctx, access.settings()),
                    ctx.pathParamMap().get("op"),
                    PersonsRoutes.auditSubject(ctx.pathParamMap().get("id")),
                    "refused " + (e instanceof UnauthorizedException ? 401 : 403));
            throw e;
        }
    }

    private void checkAuthorized(Context ctx, Rule rule) {
        Principal principal = authenticated(ctx);
        ctx.attribute(REFUSED, principal);
        access.throttle(principal == null ? "address:" + address(ctx, access.settings()) : "account:" + principal.id());
        if (principal != null && principal.via() == Principal.Via.SESSION && !SAFE.contains(ctx.method())) {
            requireSameOrigin(ctx, principal);
            requireCsrfToken(ctx);
        }
        String operationId = rule.aboutOneOperation() ? ctx.pathParamMap().get("op") : null;
        Operation operation =
                operationId != null && service.exists(operationId) ? service.operation(operationId) : null;
        ctx.attribute(ROUTE, ctx.endpointHandlerPath());
        ctx.attribute(OPERATION, ctx.pathParamMap().get("op"));
        try {
            Policy.require(rule, principal, operationId, operation);
            if (rule == Rule.RECORD_OBSERVATIONS) {
                checkCorrections(ctx, principal, operationId);
            }
        } catch (ForbiddenException e) {
            access.record(
                    "access.denied",
                    principal == null ? null : principal.id(),
                    address(ctx, access.settings()),
                    operationId,
                    null,
                    ctx.method().name() + " " + ctx.endpointHandlerPath());
            throw e;
        }
        ctx.attribute(PRINCIPAL, principal);
    }

    /** The principal behind the request's credentials, or null when it has none; invalid ones are refused. */
    private Principal authenticated(Context ctx) {
        String authorization = ctx.header("Authorization");
        String session = sessionId(ctx, access.settings());
        try {
            if (authorization != null) {
                return access.authenticateToken(bearerToken(authorization));
            }
            return session == null ? null : access.authenticateSession(session);
        } catch (UnauthorizedException e) {
            access.throttle("address:" + address(ctx, access.settings()));
            throw e;
        }
    }

    private static String bearerToken(String authorization) {
        if (authorization.length() > 7 && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        throw new UnauthorizedException("the Authorization header must be: Bearer TOKEN");
    }

    /** The name of the session cookie for this request: {@code __Host-} prefixed over TLS. */
    static String sessionCookieName(Context ctx, AccessSettings settings) {
        return secure(ctx, settings) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
    }

    /** The session id the request's cookie carries, or null. */
    static String sessionId(Context ctx, AccessSettings settings) {
        return ctx.cookie(sessionCookieName(ctx, settings));
    }

    /**
     * Refuses a change whose {@code Origin} header names another site than this server (a page elsewhere riding on
     * the browser's cookie). Requests without the header (programs, older browsers) rely on the CSRF token and on
     * SameSite=Strict.
     */
    private void requireSameOrigin(Context ctx, Principal principal) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.strip().equalsIgnoreCase(ownOrigin(ctx, access.settings()))) {
            access.record(
                    "access.denied",
                    principal == null ? null : principal.id(),
                    address(ctx, access.settings()),
                    ctx.pathParamMap().get("op"),
                    null,
                    "from another site's page: " + ctx.method().name() + " " + ctx.endpointHandlerPath());
            throw new ForbiddenException("this change comes from a page of another site (its Origin header is not "
                    + "this server's); a signed-in browser may change things only from Corridor's own pages");
        }
    }

    /** This server's origin as the browser sees it: scheme and host (through a trusted proxy, the proxy's). */
    static String ownOrigin(Context ctx, AccessSettings settings) {
        String forwardedHost = settings.trustProxy() ? ctx.header("X-Forwarded-Host") : null;
        String host = forwardedHost != null && !forwardedHost.isBlank()
                ? forwardedHost.split(",")[0].strip()
                : ctx.header("Host");
        return (secure(ctx, settings) ? "https" : "http") + "://" + (host == null ? "" : host.strip());
    }

    private void requireCsrfToken(Context ctx) {
        if (!Access.csrfValid(sessionId(ctx, access.settings()), ctx.header(CSRF_HEADER))) {
            throw new ForbiddenException("a signed-in browser must send its CSRF token in the " + CSRF_HEADER
                    + " header with every change; GET /api/me returns it");
        }
    }

    /**
     * Only admins and the operation's coordinators correct counts: a request carrying a {@code count.corrected}
     * from anyone else is refused whole. The corrections let through are kept for the audit trail.
     */
    private void checkCorrections(Context ctx, Principal principal, String operationId) {
        List<String> corrections = corrections(ObservationRoutes.body(ctx));
        if (!corrections.isEmpty() && !Policy.mayCorrect(principal, operationId)) {
            throw new ForbiddenException("only an admin or a coordinator of operation '" + operationId
                    + "' may send count.corrected observations; nothing in this request was stored");
        }
        ctx.attribute(CORRECTIONS, corrections);
    }

    /** The ids (as sent) of the count.corrected observations in a body of one observation or an array of them. */
    private static List<String> corrections(JsonNode body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : body.isArray() ? body : List.of(body)) {
            JsonNode type = item.get("type");
            if (type != null && "count.corrected".equals(type.asText())) {
                JsonNode id = item.get("id");
                ids.add(id == null ? "" : id.asText());
            }
        }
        return ids;
    }

    /** Token use for writes: every change request that got through, with its outcome, and each correction. */
    private void recordWrite(Context ctx) {
        Principal principal = principal(ctx);
        String path = ctx.attribute(ROUTE);
        if (principal == null || path == null || SAFE.contains(ctx.method()) || AccessRoutes.auditsItself(path)) {
            return;
        }
        String address = address(ctx, access.settings());
        String operationId = ctx.attribute(OPERATION);
        String route = ctx.method().name() + " " + path;
        int status = ctx.statusCode();
        List<org.corridor.access.AuditEvent> events = new ArrayList<>();
        events.add(access.event(
                kindOf(path), principal.id(), address, operationId, principal.tokenId(), route + " " + status));
        List<String> corrections = ctx.attribute(CORRECTIONS);
        if (corrections != null && status / 100 == 2) {
            corrections.forEach(
                    id -> events.add(access.event("correction", principal.id(), address, operationId, id, null)));
        }
        // One write for the request and its corrections: a durable commit each cost a batch of 1,000 observations
        // with a few corrections as many fsyncs, on SQLite inside the one writer's turn.
        access.record(events);
    }

    private static String kindOf(String path) {
        return switch (path) {
            case "/api/operations" -> "operation.defined";
            case "/api/operations/{op}/observations" -> "observations.recorded";
            default -> "write";
        };
    }

    /** Where the request came from: the peer, or with a trusted proxy the last address it added. */
    static String address(Context ctx, AccessSettings settings) {
        String forwarded = settings.trustProxy() ? ctx.header("X-Forwarded-For") : null;
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return ctx.req().getRemoteAddr();
    }

    /** Whether the request reached us over TLS, directly or through a trusted proxy. */
    static boolean secure(Context ctx, AccessSettings settings) {
        String proto = settings.trustProxy() ? ctx.header("X-Forwarded-Proto") : null;
        return "https".equalsIgnoreCase(ctx.scheme())
                || (proto != null && "https".equals(proto.strip().toLowerCase(Locale.ROOT)));
    }
}

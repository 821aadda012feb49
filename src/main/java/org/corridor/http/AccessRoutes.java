package org.corridor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.corridor.access.Access;
import org.corridor.access.Account;
import org.corridor.access.AuditEvent;
import org.corridor.access.IssuedToken;
import org.corridor.access.NewAccount;
import org.corridor.access.NewSession;
import org.corridor.access.Principal;
import org.corridor.access.TokenInfo;
import org.corridor.core.Fields;
import org.corridor.core.MalformedInputException;
import org.corridor.core.Problems;
import org.corridor.service.CorridorService;

/** Signing in and out, who am I, accounts and their tokens (admin), and the audit trail (admin). */
final class AccessRoutes {
    static final int MAX_AUDIT_PAGE = 1_000;

    private final Access access;
    private final ObjectMapper json;

    AccessRoutes(Access access, ObjectMapper json) {
        this.access = access;
        this.json = json;
    }

    void register(Javalin app) {
        app.post("/api/login", this::login);
        app.post("/api/logout", this::logout);
        app.get("/api/me", this::me);
        app.put("/api/me/password", this::changeOwnPassword);
        app.get("/api/users", this::listUsers);
        app.post("/api/users", this::createUser);
        app.delete("/api/users/{id}", this::revokeUser);
        app.post("/api/users/{id}/tokens", this::issueToken);
        app.delete("/api/users/{id}/tokens/{token}", this::revokeToken);
        app.put("/api/users/{id}/password", this::setPassword);
        app.get("/api/audit", this::audit);
    }

    /** Routes that write their own, more precise, audit entries. */
    static boolean auditsItself(String pathTemplate) {
        return pathTemplate.startsWith("/api/users")
                || pathTemplate.equals("/api/logout")
                || pathTemplate.equals("/api/me/password");
    }

    private String address(Context ctx) {
        return AccessGuard.address(ctx, access.settings());
    }

    private void login(Context ctx) {
        requireJson(ctx);
        Problems problems = new Problems();
        Fields fields = new Fields(CorridorService.parseJson(ctx.bodyAsBytes()), "", problems);
        String id = fields.requiredText("id");
        JsonNode password = fields.raw("password");
        if (password == null || !password.isTextual()) {
            problems.add("password", "is required, as a string");
        }
        problems.throwIfAny("sign-in");
        NewSession session = access.login(id, password.textValue(), address(ctx));
        ctx.header(
                "Set-Cookie",
                sessionCookie(
                        ctx,
                        session.sessionId(),
                        access.settings().absoluteTimeout().toSeconds()));
        ObjectNode body = principal(session.principal());
        body.put("csrfToken", session.csrfToken());
        ctx.json(body);
    }

    /** A cross-site form cannot send JSON without a CORS preflight, which this server never grants. */
    private static void requireJson(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new MalformedInputException("", "send the sign-in as JSON with Content-Type: application/json");
        }
    }

    private String sessionCookie(Context ctx, String value, long maxAgeSeconds) {
        return AccessGuard.sessionCookieName(ctx, access.settings()) + "=" + value + "; Path=/; Max-Age="
                + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (AccessGuard.secure(ctx, access.settings()) ? "; Secure" : "");
    }

    private void logout(Context ctx) {
        Principal principal = AccessGuard.principal(ctx);
        String session = AccessGuard.sessionId(ctx, access.settings());
        if (principal.via() == Principal.Via.SESSION && session != null) {
            access.logout(session, principal, address(ctx));
        }
        ctx.header("Set-Cookie", sessionCookie(ctx, "", 0));
        ctx.status(204);
    }

    private void me(Context ctx) {
        Principal principal = AccessGuard.principal(ctx);
        ObjectNode body = principal(principal);
        body.put("via", principal.via().name().toLowerCase(Locale.ROOT));
        if (principal.via() == Principal.Via.SESSION) {
            body.put("csrfToken", Access.csrfToken(AccessGuard.sessionId(ctx, access.settings())));
        }
        ctx.json(body);
    }

    private ObjectNode principal(Principal principal) {
        ObjectNode body = json.createObjectNode();
        body.put("id", principal.id());
        body.put("role", principal.role().wireName());
        putBindings(body, principal.operations(), principal.party());
        return body;
    }

    private void putBindings(ObjectNode body, Set<String> operations, String party) {
        if (operations != null) {
            ArrayNode list = body.putArray("operations");
            operations.stream().sorted().forEach(list::add);
        }
        if (party != null) {
            body.put("party", party);
        }
    }

    private void listUsers(Context ctx) {
        ArrayNode list = json.createArrayNode();
        for (Account account : access.accounts()) {
            ObjectNode item = list.addObject();
            item.put("id", account.id());
            item.put("role", account.role().wireName());
            putBindings(item, account.operations(), account.party());
            item.put("createdAt", account.createdAt());
            item.put("revokedAt", account.revokedAt());
            ArrayNode tokens = item.putArray("tokens");
            access.tokens(account.id()).forEach(token -> tokens.add(token(token)));
        }
        ctx.json(list);
    }

    private ObjectNode token(TokenInfo token) {
        ObjectNode item = json.createObjectNode();
        item.put("id", token.id());
        item.put("createdAt", token.createdAt());
        item.put("lastUsedAt", token.lastUsedAt());
        item.put("revokedAt", token.revokedAt());
        return item;
    }

    private void createUser(Context ctx) {
        NewAccount request = NewAccount.read(CorridorService.parseJson(ctx.bodyAsBytes()));
        IssuedToken issued = access.createAccount(request, actor(ctx), address(ctx));
        ctx.header("Location", "/api/users/" + issued.accountId());
        ctx.status(201).json(issued(issued));
    }

    private ObjectNode issued(IssuedToken issued) {
        ObjectNode body = json.createObjectNode();
        body.put("id", issued.accountId());
        body.put("role", issued.role().wireName());
        body.put("token", issued.token());
        body.put("tokenId", issued.tokenId());
        return body;
    }

    private void revokeUser(Context ctx) {
        access.revokeAccount(ctx.pathParam("id"), actor(ctx), address(ctx));
        ctx.status(204);
    }

    private void issueToken(Context ctx) {
        ctx.status(201).json(issued(access.issueToken(ctx.pathParam("id"), actor(ctx), address(ctx))));
    }

    private void revokeToken(Context ctx) {
        access.revokeToken(ctx.pathParam("id"), ctx.pathParam("token"), actor(ctx), address(ctx));
        ctx.status(204);
    }

    private void setPassword(Context ctx) {
        String password = passwords(ctx, "password").getFirst();
        access.setPassword(ctx.pathParam("id"), password, actor(ctx), address(ctx));
        ctx.status(204);
    }

    private void changeOwnPassword(Context ctx) {
        List<String> given = passwords(ctx, "currentPassword", "password");
        access.changeOwnPassword(AccessGuard.principal(ctx), given.get(0), given.get(1), address(ctx));
        ctx.header("Set-Cookie", sessionCookie(ctx, "", 0));
        ctx.status(204);
    }

    /** The string fields of a JSON body, each required; never echoed in a problem. */
    private static List<String> passwords(Context ctx, String... names) {
        Problems problems = new Problems();
        Fields fields = new Fields(CorridorService.parseJson(ctx.bodyAsBytes()), "", problems);
        List<String> values = new ArrayList<>();
        for (String name : names) {
            JsonNode value = fields.raw(name);
            if (value == null || !value.isTextual()) {
                problems.add(name, "is required, as a string");
            }
            values.add(value == null ? null : value.asText());
        }
        problems.throwIfAny("password");
        return values;
    }

    private void audit(Context ctx) {
        long after = Params.number(ctx, "after", 0, 0, Long.MAX_VALUE);
        int limit = (int) Params.number(ctx, "limit", 100, 1, MAX_AUDIT_PAGE);
        ArrayNode list = json.createArrayNode();
        for (AuditEvent event : access.auditTrail(after, limit)) {
            list.add(json.valueToTree(event));
        }
        ctx.json(list);
    }

    private static String actor(Context ctx) {
        return AccessGuard.principal(ctx).id();
    }
}

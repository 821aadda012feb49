package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corridor.TestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens, passwords and browser sessions over HTTP: what gets in, what is refused, and what the server keeps. */
class AuthenticationApiTest {
    private static final String PASSWORD = "olive tram seventeen harbour";

    @TempDir
    Path directory;

    RunningServer api;

    @BeforeEach
    void start() {
        api = RunningServer.start(directory);
        api.defineTestOperation();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private JsonNode createUser(String request) {
        HttpResponse<String> response = api.postJson("/api/users", request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RunningServer.json(response);
    }

    private HttpResponse<String> getWithToken(String path, String token) {
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Authorization", "Bearer " + token));
    }

    private HttpResponse<String> anonymously(HttpRequest.Builder request) {
        try {
            return api.anonymous.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noCredentials_is401ProblemWithBearerChallenge() {
        HttpResponse<String> response = anonymously(HttpRequest.newBuilder(api.uri("/api/operations")));

        OperationsApiTest.assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void unknownToken_is401() {
        OperationsApiTest.assertProblem(getWithToken("/api/operations", "crd_not-a-token"), 401);
    }

    @Test
    void createdUser_getsATokenShownOnce_thatWorks_andIsListedWithoutIt() {
        JsonNode created = createUser("{\"id\": \"viewer-1\", \"role\": \"viewer\"}");
        String token = created.get("token").asText();

        assertThat(created.get("id").asText()).isEqualTo("viewer-1");
        assertThat(created.get("role").asText()).isEqualTo("viewer");
        assertThat(token).startsWith("crd_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(getWithToken("/api/operations/test-op/tallies", token).statusCode())
                .isEqualTo(200);
        String listing = api.get("/api/users").body();
        assertThat(listing).contains("viewer-1").doesNotContain(token);
    }

    @Test
    void tokens_areStoredOnlyAsHashes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                RunningServer.onSqlite(), "reads the SQLite file's bytes: the SQLite run covers it");
        String token = createUser("{\"id\": \"viewer-1\", \"role\": \"viewer\"}")
                .get("token")
                .asText();
        api.close();
        byte[] database = Files.readAllBytes(directory.resolve("corridor.db"));
        byte[] wal = Files.exists(directory.resolve("corridor.db-wal"))
                ? Files.readAllBytes(directory.resolve("corridor.db-wal"))
                : new byte[0];
        String stored = new String(database, java.nio.charset.StandardCharsets.ISO_8859_1)
                + new String(wal, java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(stored).doesNotContain(token).doesNotContain(token.substring(4));
        assertThat(stored).contains(org.corridor.access.Secrets.sha256(token));
        api = RunningServer.start(directory);
    }

    @Test
    void revokedToken_andRevokedAccount_are401() {
        String first = createUser("{\"id\": \"viewer-1\", \"role\": \"viewer\"}")
                .get("token")
                .asText();
        JsonNode second = RunningServer.json(api.postJson("/api/users/viewer-1/tokens", ""));

        HttpResponse<String> revokeOne = api.send(HttpRequest.newBuilder(api.uri(
                        "/api/users/viewer-1/tokens/" + second.get("tokenId").asText()))
                .DELETE());
        assertThat(revokeOne.statusCode()).isEqualTo(204);
        OperationsApiTest.assertProblem(
                getWithToken("/api/me", second.get("token").asText()), 401);
        assertThat(getWithToken("/api/me", first).statusCode()).isEqualTo(200);

        api.send(HttpRequest.newBuilder(api.uri("/api/users/viewer-1")).DELETE());
        OperationsApiTest.assertProblem(getWithToken("/api/me", first), 401);
        assertThat(RunningServer.json(api.get("/api/users"))
                        .get(0)
                        .get("revokedAt")
                        .isNull())
                .isFalse();
    }

    @Test
    void invalidAccountRequests_are422NamingTheField() {
        HttpResponse<String> response = api.postJson("/api/users", "{\"id\": \"Bad Id\", \"role\": \"emperor\"}");
        OperationsApiTest.assertProblem(response, 422);
        assertThat(response.body()).contains("\"field\":\"id\"").contains("\"field\":\"role\"");

        OperationsApiTest.assertProblem(api.postJson("/api/users", "{\"id\": \"m\", \"role\": \"monitor\"}"), 422);
        OperationsApiTest.assertProblem(api.postJson("/api/users", "{\"id\": \"l\", \"role\": \"liaison\"}"), 422);
        assertThat(api.postJson("/api/users", "{\"id\": \"dup\", \"role\": \"viewer\"}")
                        .statusCode())
                .isEqualTo(201);
        OperationsApiTest.assertProblem(api.postJson("/api/users", "{\"id\": \"dup\", \"role\": \"viewer\"}"), 409);
    }

    @Test
    void commonOrShortPasswords_areRefused() {
        for (String password : List.of("short1", "Password123!", "p@ssw0rd", "qwertyuiop", "aaaaaaaaaaaa")) {
            HttpResponse<String> response = api.postJson(
                    "/api/users",
                    RunningServer.JSON
                            .createObjectNode()
                            .put("id", "c1")
                            .put("role", "viewer")
                            .put("password", password));
            OperationsApiTest.assertProblem(response, 422);
            assertThat(response.body())
                    .as(password)
                    .contains("\"field\":\"password\"")
                    .doesNotContain(password);
        }
    }

    @Test
    void login_setsAHardenedCookie_andTheSessionNeedsItsCsrfTokenToWrite() {
        createUser("{\"id\": \"coord\", \"role\": \"coordinator\", \"operations\": [\"test-op\"], \"password\": \""
                + PASSWORD + "\"}");

        HttpResponse<String> login = login("coord", PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .startsWith(AccessGuard.SESSION_COOKIE + "=crs_")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/")
                .doesNotContain("Secure");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = RunningServer.json(login).get("csrfToken").asText();

        HttpResponse<String> read = anonymously(
                HttpRequest.newBuilder(api.uri("/api/operations/test-op")).header("Cookie", cookie));
        assertThat(read.statusCode()).isEqualTo(200);

        HttpRequest.Builder write = HttpRequest.newBuilder(api.uri("/api/operations/test-op/observations"))
                .header("Cookie", cookie)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        Observations.departure("c1", 10).toString()));
        OperationsApiTest.assertProblem(anonymously(write.copy()), 403);
        assertThat(api.service.size("test-op")).isZero();
        assertThat(anonymously(write.copy().header(AccessGuard.CSRF_HEADER, csrf))
                        .statusCode())
                .isEqualTo(201);
    }

    /** Restarts the server trusting its proxy, makes a coordinator, and signs it in as if over HTTPS. */
    private HttpResponse<String> loginBehindATlsProxy() {
        api.close();
        api = RunningServer.start(
                directory,
                org.corridor.access.AccessSettings.defaults(TestAccess.ADMIN_TOKEN)
                        .withTrustProxy(true));
        createUser("{\"id\": \"coord\", \"role\": \"coordinator\", \"password\": \"" + PASSWORD + "\"}");
        return anonymously(HttpRequest.newBuilder(api.uri("/api/login"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"coord\", \"password\": \"" + PASSWORD + "\"}")));
    }

    @Test
    void login_behindATlsProxy_marksTheCookieSecure() {
        HttpResponse<String> login = loginBehindATlsProxy();

        assertThat(login.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(c -> assertThat(c).contains("; Secure"));
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void overTls_theSessionCookieHasTheHostPrefix_andOnlyThatNameIsRead() {
        HttpResponse<String> login = loginBehindATlsProxy();

        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .startsWith(AccessGuard.SECURE_SESSION_COOKIE + "=crs_")
                .contains("; Secure")
                .contains("Path=/")
                .doesNotContain("Domain");
        String value = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        HttpRequest.Builder me = HttpRequest.newBuilder(api.uri("/api/me")).header("X-Forwarded-Proto", "https");
        assertThat(anonymously(me.copy().header("Cookie", AccessGuard.SECURE_SESSION_COOKIE + "=" + value))
                        .statusCode())
                .isEqualTo(200);
        // The plain name over TLS could have been planted by a sibling host: it is not read.
        OperationsApiTest.assertProblem(
                anonymously(me.copy().header("Cookie", AccessGuard.SESSION_COOKIE + "=" + value)), 401);
        // And the prefixed name is not read over plain HTTP, where browsers never set it.
        OperationsApiTest.assertProblem(
                anonymously(HttpRequest.newBuilder(api.uri("/api/me"))
                        .header("Cookie", AccessGuard.SECURE_SESSION_COOKIE + "=" + value)),
                401);
    }

    @Test
    void cookieWrite_fromAnotherSitesOrigin_isRefused_evenWithTheCsrfToken() {
        createUser("{\"id\": \"coord\", \"role\": \"coordinator\", \"operations\": [\"test-op\"], \"password\": \""
                + PASSWORD + "\"}");
        HttpResponse<String> login = login("coord", PASSWORD);
        String cookie = cookie(login);
        String csrf = RunningServer.json(login).get("csrfToken").asText();
        HttpRequest.Builder write = HttpRequest.newBuilder(api.uri("/api/operations/test-op/observations"))
                .header("Cookie", cookie)
                .header(AccessGuard.CSRF_HEADER, csrf)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        Observations.departure("c1", 10).toString()));

        for (String origin : List.of(
                "https://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1:" + api.server.port())) {
            HttpResponse<String> refused = anonymously(write.copy().header("Origin", origin));
            OperationsApiTest.assertProblem(refused, 403);
            assertThat(refused.body()).contains("Origin");
        }
        assertThat(api.service.size("test-op")).isZero();
        assertThat(RunningServer.json(api.get("/api/audit?limit=1000")).toString())
                .contains("access.denied");

        assertThat(anonymously(write.copy().header("Origin", "http://127.0.0.1:" + api.server.port()))
                        .statusCode())
                .isEqualTo(201);
        assertThat(anonymously(HttpRequest.newBuilder(api.uri("/api/operations/test-op/observations"))
                                .header("Cookie", cookie)
                                .header(AccessGuard.CSRF_HEADER, csrf)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        Observations.departure("c2", 10).toString())))
                        .statusCode())
                .as("without an Origin header (a program), the CSRF token suffices")
                .isEqualTo(201);
        // A bearer token is no ambient credential: another site cannot make a browser send it, so Origin is not asked.
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/operations/test-op/observations"))
                                .header("Origin", "https://evil.example")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        Observations.departure("c3", 10).toString())))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void signIn_fromAnotherSitesPage_isRefused() {
        createUser("{\"id\": \"coord\", \"role\": \"coordinator\", \"password\": \"" + PASSWORD + "\"}");

        HttpResponse<String> refused = anonymously(HttpRequest.newBuilder(api.uri("/api/login"))
                .header("Content-Type", "application/json")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"coord\", \"password\": \"" + PASSWORD + "\"}")));

        OperationsApiTest.assertProblem(refused, 403);
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void eachLogin_getsANewSessionId_andLogoutEndsIt() {
        createUser("{\"id\": \"coord\", \"role\": \"coordinator\", \"password\": \"" + PASSWORD + "\"}");
        String first = cookie(login("coord", PASSWORD));
        String second = cookie(login("coord", PASSWORD));
        assertThat(first).isNotEqualTo(second);

        HttpResponse<String> me =
                anonymously(HttpRequest.newBuilder(api.uri("/api/me")).header("Cookie", second));
        String csrf = RunningServer.json(me).get("csrfToken").asText();
        HttpResponse<String> logout = anonymously(HttpRequest.newBuilder(api.uri("/api/logout"))
                .header("Cookie", second)
                .header(AccessGuard.CSRF_HEADER, csrf)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(logout.statusCode()).isEqualTo(204);
        OperationsApiTest.assertProblem(
                anonymously(HttpRequest.newBuilder(api.uri("/api/me")).header("Cookie", second)), 401);
        assertThat(anonymously(HttpRequest.newBuilder(api.uri("/api/me")).header("Cookie", first))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void ownPasswordChange_needsTheCurrentOne_andEndsTheSessions() {
        String token = createUser("{\"id\": \"coord\", \"role\": \"coordinator\", \"password\": \"" + PASSWORD + "\"}")
                .get("token")
                .asText();
        String session = cookie(login("coord", PASSWORD));

        HttpResponse<String> wrong = changeOwnPassword(token, "not it", "a different long phrase");
        OperationsApiTest.assertProblem(wrong, 403);
        assertThat(wrong.body()).doesNotContain("a different long phrase").doesNotContain("not it");
        OperationsApiTest.assertProblem(changeOwnPassword(token, PASSWORD, "password1"), 422);

        assertThat(changeOwnPassword(token, PASSWORD, "a different long phrase").statusCode())
                .isEqualTo(204);
        OperationsApiTest.assertProblem(
                anonymously(HttpRequest.newBuilder(api.uri("/api/me")).header("Cookie", session)), 401);
        OperationsApiTest.assertProblem(login("coord", PASSWORD), 401);
        assertThat(login("coord", "a different long phrase").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> changeOwnPassword(String token, String current, String password) {
        return api.send(HttpRequest.newBuilder(api.uri("/api/me/password"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(RunningServer.JSON
                        .createObjectNode()
                        .put("currentPassword", current)
                        .put("password", password)
                        .toString())));
    }

    @Test
    void eleventhWrongPasswordInAMinute_isRefusedUnchecked_evenWhenRight() {
        createUser("{\"id\": \"coord\", \"role\": \"coordinator\", \"password\": \"" + PASSWORD + "\"}");
        for (int attempt = 1; attempt <= 10; attempt++) {
            OperationsApiTest.assertProblem(login("coord", "wrong password " + attempt), 401);
        }

        HttpResponse<String> eleventh = login("coord", PASSWORD);

        OperationsApiTest.assertProblem(eleventh, 429);
        assertThat(eleventh.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 61L));
    }

    @Test
    void aBatchWithCorrections_isInTheAuditTrail_asTheWriteThenEachCorrection() {
        List<String> corrections = new java.util.ArrayList<>();
        com.fasterxml.jackson.databind.node.ArrayNode batch = RunningServer.JSON.createArrayNode();
        batch.add(Observations.departure("c1", 10));
        for (int i = 0; i < 2; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode correction = Observations.correction(10 + i);
            corrections.add(correction.get("id").asText());
            batch.add(correction);
        }

        assertThat(api.postJson("/api/operations/test-op/observations", batch).statusCode())
                .isEqualTo(200);

        List<com.fasterxml.jackson.databind.JsonNode> trail = new java.util.ArrayList<>();
        RunningServer.json(api.get("/api/audit?limit=1000")).forEach(trail::add);
        List<String> lastThree = trail.subList(trail.size() - 3, trail.size()).stream()
                .map(event ->
                        event.get("kind").asText() + " " + event.path("subject").asText())
                .toList();
        assertThat(lastThree.get(0)).startsWith("observations.recorded");
        assertThat(lastThree.subList(1, 3))
                .containsExactly("correction " + corrections.get(0), "correction " + corrections.get(1));
    }

    @Test
    void failedLogins_andAccountChanges_areInTheAuditTrail_withoutSecrets() {
        String token = createUser("{\"id\": \"coord\", \"role\": \"coordinator\", \"password\": \"" + PASSWORD + "\"}")
                .get("token")
                .asText();
        login("coord", "not the password");
        login("Hunter2-typed-into-the-name-field", "x");
        login("coord", PASSWORD);
        api.postJson("/api/operations/test-op/observations", Observations.departure("c1", 10));

        String trail = api.get("/api/audit?limit=1000").body();

        assertThat(trail)
                .contains("\"kind\":\"account.created\"")
                .contains("\"kind\":\"token.issued\"")
                .contains("\"kind\":\"login.failed\"")
                .contains("\"kind\":\"login\"")
                .contains("\"kind\":\"operation.defined\"")
                .contains("\"kind\":\"observations.recorded\"");
        assertThat(trail)
                .doesNotContain(PASSWORD)
                .doesNotContain("not the password")
                .doesNotContain("Hunter2")
                .doesNotContain(token);
    }

    @Test
    void publicOperation_showsItsTalliesAndOnlyThemToAnyone() {
        String publicOp = RunningServer.fixture("test-op.yaml").replace("id: test-op", "id: open-op\npublic: true");
        assertThat(api.post("/api/operations", "application/yaml", publicOp).statusCode())
                .isEqualTo(201);

        assertThat(anonymously(HttpRequest.newBuilder(api.uri("/api/operations/open-op/tallies")))
                        .statusCode())
                .isEqualTo(200);
        OperationsApiTest.assertProblem(
                anonymously(HttpRequest.newBuilder(api.uri("/api/operations/open-op/convoys"))), 401);
        OperationsApiTest.assertProblem(anonymously(HttpRequest.newBuilder(api.uri("/api/operations/open-op"))), 401);
        OperationsApiTest.assertProblem(
                anonymously(HttpRequest.newBuilder(api.uri("/api/operations/test-op/tallies"))), 401);
    }

    @Test
    void everyResponse_carriesSecurityHeaders_andNoServerBanner() {
        for (HttpResponse<String> response : List.of(
                api.get("/api/health"),
                api.get("/api/nothing-here"),
                anonymously(HttpRequest.newBuilder(api.uri("/api/operations"))))) {
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'")
                            .contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Server")).isEmpty();
            assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
        }
    }

    @Test
    void tokenRateLimit_answers429WithRetryAfter() {
        api.close();
        api = RunningServer.start(
                directory,
                org.corridor.access.AccessSettings.defaults(TestAccess.ADMIN_TOKEN)
                        .withRate(1, 3));
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/me").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> fourth = api.get("/api/me");

        OperationsApiTest.assertProblem(fourth, 429);
        assertThat(fourth.headers().firstValue("Retry-After")).hasValue("1");
    }

    private HttpResponse<String> login(String id, String password) {
        return anonymously(HttpRequest.newBuilder(api.uri("/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RunningServer.JSON
                        .createObjectNode()
                        .put("id", id)
                        .put("password", password)
                        .toString())));
    }

    private static String cookie(HttpResponse<String> login) {
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}

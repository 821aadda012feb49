package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route × every role × the caller's own operation and another one, each with the exact status expected, from
 * a table written here independently of the server's own. A route the server serves that is missing here fails the
 * build; so does any cell that differs. Refused writes must leave the store as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
    /** Who asks: no credentials, or a token of an account bound to {@code test-op} (a liaison by its party). */
    enum Caller {
        ANONYMOUS,
        ADMIN,
        COORDINATOR,
        MONITOR,
        LIAISON,
        VIEWER
    }

    /**
     * The expected statuses, per route, in the order of {@link Caller}; "own/other" where the route is about an
     * operation ({@code test-op}, to which every account is bound, then {@code other-op}, which none is and whose
     * agreement the liaison's party did not sign).
     */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /api/health", "200 200 200 200 200 200");
        EXPECTED.put("POST /api/login", "401 401 401 401 401 401");
        EXPECTED.put("POST /api/logout", "401 204 204 204 204 204");
        EXPECTED.put("GET /api/me", "401 200 200 200 200 200");
        EXPECTED.put("PUT /api/me/password", "401 204 204 204 204 204");
        EXPECTED.put("GET /api/operations", "401 200 200 200 200 200");
        EXPECTED.put("POST /api/operations", "401/401 200/200 200/403 403/403 403/403 403/403");
        EXPECTED.put("GET /api/operations/{op}", "401/401 200/200 200/403 200/403 403/403 403/403");
        EXPECTED.put("POST /api/operations/{op}/observations", "401/401 201/201 201/403 201/403 403/403 403/403");
        EXPECTED.put("GET /api/operations/{op}/observations", "401/401 200/200 200/403 403/403 403/403 403/403");
        EXPECTED.put("GET /api/operations/{op}/tallies", "401/401 200/200 200/403 200/403 200/403 200/403");
        EXPECTED.put("GET /api/operations/{op}/tallies/series", "401/401 200/200 200/403 200/403 200/403 200/403");
        EXPECTED.put("GET /api/operations/{op}/stream", "401/401 200/200 200/403 200/403 200/403 200/403");
        EXPECTED.put("GET /api/operations/{op}/convoys", "401/401 200/200 200/403 403/403 200/403 403/403");
        EXPECTED.put(
                "GET /api/operations/{op}/observations/{id}/persons",
                "401/401 200/200 200/403 403/403 403/403 403/403");
        EXPECTED.put("GET /api/log/key", "200 200 200 200 200 200");
        EXPECTED.put("GET /api/operations/{op}/log/checkpoint", "401/401 200/200 200/403 200/403 200/403 200/403");
        EXPECTED.put("GET /api/operations/{op}/log/inclusion", "401/401 200/200 200/403 200/403 200/403 200/403");
        EXPECTED.put("GET /api/operations/{op}/log/consistency", "401/401 200/200 200/403 200/403 200/403 200/403");
        EXPECTED.put("POST /api/operations/{op}/reports", "401/401 201/201 201/403 403/403 403/403 403/403");
        EXPECTED.put("GET /api/operations/{op}/claims", "401/401 200/200 200/403 200/403 403/403 200/403");
        EXPECTED.put("GET /api/users", "401 200 403 403 403 403");
        EXPECTED.put("POST /api/users", "401 201 403 403 403 403");
        EXPECTED.put("DELETE /api/users/{id}", "401 204 403 403 403 403");
        EXPECTED.put("POST /api/users/{id}/tokens", "401 201 403 403 403 403");
        EXPECTED.put("DELETE /api/users/{id}/tokens/{token}", "401 204 403 403 403 403");
        EXPECTED.put("PUT /api/users/{id}/password", "401 204 403 403 403 403");
        EXPECTED.put("GET /api/audit", "401 200 403 403 403 403");
    }

    private static final String PASSWORD = "olive tram seventeen harbour";

    @TempDir
    static Path directory;

    private RunningServer api;
    private final Map<Caller, String> tokens = new LinkedHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();

    @BeforeAll
    void start() {
        api = RunningServer.start(directory);
        api.defineTestOperation();
        define(otherOperation());
        postWithPersons("test-op");
        postWithPersons("other-op");
        tokens.put(Caller.ADMIN, createAccount("{\"id\": \"admin-2\", \"role\": \"admin\"}"));
        tokens.put(
                Caller.COORDINATOR,
                createAccount("{\"id\": \"coord\", \"role\": \"coordinator\", \"operations\": [\"test-op\"]}"));
        tokens.put(
                Caller.MONITOR,
                createAccount("{\"id\": \"mon\", \"role\": \"monitor\", \"operations\": [\"test-op\"]}"));
        tokens.put(
                Caller.LIAISON,
                createAccount("{\"id\": \"liaison\", \"role\": \"liaison\", \"party\": \"opposition\"}"));
        tokens.put(
                Caller.VIEWER,
                createAccount("{\"id\": \"viewer\", \"role\": \"viewer\", \"operations\": [\"test-op\"]}"));
    }

    /** Each operation's observation with persons beside it, for the route that reads them. */
    private final Map<String, String> withPersons = new LinkedHashMap<>();

    private void postWithPersons(String operation) {
        ObjectNode observation = Observations.detention("cp", 2).put("operation", operation);
        observation
                .putObject("persons")
                .putArray("list")
                .addObject()
                .put("name", "Matrix Person")
                .put("age", 30);
        HttpResponse<String> response = api.postJson("/api/operations/" + operation + "/observations", observation);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        withPersons.put(operation, observation.get("id").asText());
    }

    @AfterAll
    void stop() {
        api.close();
    }

    /** The other operation: the test one under another id, its agreement signed by the government alone. */
    private static String otherOperation() {
        return RunningServer.fixture("test-op.yaml")
                .replace("id: test-op", "id: other-op")
                .replace("parties: [opposition, government]", "parties: [government]");
    }

    private void define(String yaml) {
        assertThat(api.post("/api/operations", "application/yaml", yaml).statusCode())
                .isBetween(200, 201);
    }

    /** Creates an account with {@link #PASSWORD}; its token. */
    private String createAccount(String request) {
        String withPassword = request.replaceFirst("}$", ", \"password\": \"" + PASSWORD + "\"}");
        HttpResponse<String> response = api.postJson("/api/users", withPassword);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RunningServer.json(response).get("token").asText();
    }

    @Test
    void everyRouteTheServerServes_isInTheMatrix() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(api.server.routes());
    }

    @Test
    void everyRoute_everyRole_ownAndOtherOperation_getsExactlyTheExpectedStatus() {
        long ownBefore = api.service.size("test-op");
        long otherBefore = api.service.size("other-op");
        List<String> mismatches = new ArrayList<>();
        int[] created = new int[2];
        for (Map.Entry<String, String> route : EXPECTED.entrySet()) {
            String[] cells = route.getValue().split(" ");
            for (Caller caller : Caller.values()) {
                String[] expected = cells[caller.ordinal()].split("/");
                for (int target = 0; target < expected.length; target++) {
                    String operation = target == 0 ? "test-op" : "other-op";
                    int status = call(route.getKey(), caller, operation);
                    if (status != Integer.parseInt(expected[target])) {
                        mismatches.add(route.getKey() + " as " + caller + " on " + operation + ": expected "
                                + expected[target] + ", got " + status);
                    }
                    if (route.getKey().equals("POST /api/operations/{op}/observations") && status == 201) {
                        created[target]++;
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(api.service.size("test-op")).isEqualTo(ownBefore + created[0]);
        assertThat(api.service.size("other-op")).isEqualTo(otherBefore + created[1]);
    }

    @Test
    void refusedDefinitionChange_changesNothing() {
        String changed = otherOperation().replace("quota: 1000", "quota: 5");
        HttpResponse<String> response = api.send(as(
                Caller.COORDINATOR,
                HttpRequest.newBuilder(api.uri("/api/operations"))
                        .header("Content-Type", "application/yaml")
                        .POST(HttpRequest.BodyPublishers.ofString(changed))));
        OperationsApiTest.assertProblem(response, 403);
        assertThat(RunningServer.json(api.get("/api/operations/other-op")).toString())
                .contains("\"quota\":1000");
    }

    @Test
    void listOfOperations_showsOnlyThoseTheCallerMaySee() {
        assertThat(listed(Caller.ADMIN)).containsExactly("test-op", "other-op");
        for (Caller caller : List.of(Caller.COORDINATOR, Caller.MONITOR, Caller.LIAISON, Caller.VIEWER)) {
            assertThat(listed(caller)).as(caller.name()).containsExactly("test-op");
        }
    }

    @Test
    void monitor_mayNotCorrectCounts_coordinatorMay() {
        ObjectNode correction = Observations.correction(10);
        long before = api.service.size("test-op");

        HttpResponse<String> byMonitor = postObservation(Caller.MONITOR, "test-op", correction.toString());
        OperationsApiTest.assertProblem(byMonitor, 403);
        assertThat(api.service.size("test-op")).isEqualTo(before);

        String batch = "[" + Observations.departure("cx", 5) + "," + correction + "]";
        OperationsApiTest.assertProblem(postObservation(Caller.MONITOR, "test-op", batch), 403);
        assertThat(api.service.size("test-op")).isEqualTo(before);

        assertThat(postObservation(Caller.COORDINATOR, "test-op", correction.toString())
                        .statusCode())
                .isEqualTo(201);
    }

    private List<String> listed(Caller caller) {
        HttpResponse<String> response = api.send(
                as(caller, HttpRequest.newBuilder(api.uri("/api/operations")).GET()));
        List<String> ids = new ArrayList<>();
        RunningServer.json(response).forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private HttpResponse<String> postObservation(Caller caller, String operation, String body) {
        return api.send(as(
                caller,
                HttpRequest.newBuilder(api.uri("/api/operations/" + operation + "/observations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Makes the request of a route as the caller, against the operation where it is about one; its status. */
    private int call(String route, Caller caller, String operation) {
        BiFunction<Caller, String, HttpRequest.Builder> request = requests().get(route);
        assertThat(request).as("a request for " + route).isNotNull();
        HttpRequest.Builder builder = as(caller, request.apply(caller, operation));
        if (route.endsWith("/stream")) {
            return streamStatus(builder);
        }
        HttpResponse<String> response = api.send(builder);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            OperationsApiTest.assertProblem(response, response.statusCode());
        }
        return response.statusCode();
    }

    private HttpRequest.Builder as(Caller caller, HttpRequest.Builder request) {
        String token = caller == Caller.ANONYMOUS ? null : tokens.get(caller);
        // The anonymous caller sends an Authorization of its own that is not a bearer token, so that the test client
        // adds none; such a header is refused as missing credentials.
        return request.header("Authorization", token == null ? "None" : "Bearer " + token);
    }

    private Map<String, BiFunction<Caller, String, HttpRequest.Builder>> requests() {
        Map<String, BiFunction<Caller, String, HttpRequest.Builder>> requests = new LinkedHashMap<>();
        requests.put("GET /api/health", (caller, op) -> get("/api/health"));
        requests.put(
                "POST /api/login",
                (caller, op) -> postJson(
                        "/api/login",
                        "{\"id\": \"nobody-" + serial.incrementAndGet() + "\", \"password\": \"wrong one\"}"));
        requests.put("POST /api/logout", (caller, op) -> postJson("/api/logout", "{}"));
        requests.put("GET /api/me", (caller, op) -> get("/api/me"));
        requests.put("PUT /api/me/password", (caller, op) -> HttpRequest.newBuilder(api.uri("/api/me/password"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"currentPassword\": \"" + PASSWORD
                        + "\", \"password\": \"a different long phrase " + serial.incrementAndGet() + "\"}")));
        requests.put("GET /api/operations", (caller, op) -> get("/api/operations"));
        requests.put("POST /api/operations", (caller, op) -> HttpRequest.newBuilder(api.uri("/api/operations"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(
                        op.equals("test-op") ? RunningServer.fixture("test-op.yaml") : otherOperation())));
        requests.put("GET /api/operations/{op}", (caller, op) -> get("/api/operations/" + op));
        requests.put(
                "POST /api/operations/{op}/observations",
                (caller, op) -> postJson(
                        "/api/operations/" + op + "/observations",
                        Observations.departure("c" + serial.incrementAndGet(), 10)
                                .put("operation", op)
                                .toString()));
        requests.put(
                "GET /api/operations/{op}/observations",
                (caller, op) -> get("/api/operations/" + op + "/observations"));
        requests.put("GET /api/operations/{op}/tallies", (caller, op) -> get("/api/operations/" + op + "/tallies"));
        requests.put(
                "GET /api/operations/{op}/tallies/series",
                (caller, op) -> get("/api/operations/" + op + "/tallies/series"));
        requests.put("GET /api/operations/{op}/stream", (caller, op) -> get("/api/operations/" + op + "/stream")
                .header("Accept", "text/event-stream"));
        requests.put("GET /api/operations/{op}/convoys", (caller, op) -> get("/api/operations/" + op + "/convoys"));
        requests.put(
                "GET /api/operations/{op}/observations/{id}/persons",
                (caller, op) -> get("/api/operations/" + op + "/observations/" + withPersons.get(op) + "/persons"));
        requests.put("GET /api/log/key", (caller, op) -> get("/api/log/key"));
        requests.put(
                "GET /api/operations/{op}/log/checkpoint",
                (caller, op) -> get("/api/operations/" + op + "/log/checkpoint"));
        requests.put(
                "GET /api/operations/{op}/log/inclusion",
                (caller, op) -> get("/api/operations/" + op + "/log/inclusion?index=0"));
        requests.put(
                "GET /api/operations/{op}/log/consistency",
                (caller, op) -> get("/api/operations/" + op + "/log/consistency?from=1"));
        requests.put(
                "POST /api/operations/{op}/reports",
                (caller, op) -> postJson(
                        "/api/operations/" + op + "/reports",
                        "{\"text\": \"About 300 people were evacuated.\","
                                + " \"publishedAt\": \"2016-12-15T12:00:00+02:00\"}"));
        requests.put("GET /api/operations/{op}/claims", (caller, op) -> get("/api/operations/" + op + "/claims"));
        requests.put("GET /api/users", (caller, op) -> get("/api/users"));
        requests.put(
                "POST /api/users",
                (caller, op) -> postJson(
                        "/api/users", "{\"id\": \"new-" + serial.incrementAndGet() + "\", \"role\": \"viewer\"}"));
        requests.put(
                "DELETE /api/users/{id}", (caller, op) -> HttpRequest.newBuilder(api.uri("/api/users/" + throwaway()))
                        .DELETE());
        requests.put(
                "POST /api/users/{id}/tokens", (caller, op) -> postJson("/api/users/" + throwaway() + "/tokens", ""));
        requests.put("DELETE /api/users/{id}/tokens/{token}", (caller, op) -> {
            String id = throwaway();
            String tokenId = RunningServer.json(api.postJson("/api/users/" + id + "/tokens", ""))
                    .get("tokenId")
                    .asText();
            return HttpRequest.newBuilder(api.uri("/api/users/" + id + "/tokens/" + tokenId))
                    .DELETE();
        });
        requests.put("PUT /api/users/{id}/password", (caller, op) -> HttpRequest.newBuilder(
                        api.uri("/api/users/" + throwaway() + "/password"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"password\": \"olive tram seventeen harbour\"}")));
        requests.put("GET /api/audit", (caller, op) -> get("/api/audit"));
        return requests;
    }

    /** A new viewer account made by the bootstrap admin, for a route to act on. */
    private String throwaway() {
        String id = "throwaway-" + serial.incrementAndGet();
        createAccount("{\"id\": \"" + id + "\", \"role\": \"viewer\"}");
        return id;
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(api.uri(path)).GET();
    }

    private HttpRequest.Builder postJson(String path, String body) {
        return HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** The status of an event stream, read from its headers; the stream itself is closed at once. */
    private int streamStatus(HttpRequest.Builder request) {
        try {
            HttpResponse<InputStream> response = api.anonymous.send(
                    request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

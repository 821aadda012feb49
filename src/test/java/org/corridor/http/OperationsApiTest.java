package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationsApiTest {
    @TempDir
    Path directory;

    RunningServer api;

    @BeforeEach
    void start() {
        api = RunningServer.start(directory);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void health_saysOk() {
        HttpResponse<String> response = api.get("/api/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(response).get("status").asText()).isEqualTo("ok");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void postYaml_createsThenIdenticalIsUnchanged() {
        HttpResponse<String> first =
                api.post("/api/operations", "application/yaml", RunningServer.fixture("test-op.yaml"));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(RunningServer.json(first).get("result").asText()).isEqualTo("created");
        assertThat(first.headers().firstValue("Location")).hasValue("/api/operations/test-op");

        HttpResponse<String> again = api.post("/api/operations", "text/yaml", RunningServer.fixture("test-op.yaml"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(again).get("result").asText()).isEqualTo("unchanged");
    }

    @Test
    void postJson_ofTheSameDefinitionIsUnchanged() {
        api.defineTestOperation();
        JsonNode definition = RunningServer.json(api.get("/api/operations/test-op"));
        HttpResponse<String> response = api.postJson("/api/operations", definition);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(response).get("result").asText()).isEqualTo("unchanged");
    }

    @Test
    void changedDefinition_replacesAndKeepsObservations() {
        api.defineTestOperation();
        api.postJson("/api/operations/test-op/observations", Observations.departure("c1", 40));
        String changed = RunningServer.fixture("test-op.yaml").replace("quota: 1000", "quota: 2000");

        HttpResponse<String> response = api.post("/api/operations", "application/x-yaml", changed);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(response).get("result").asText()).isEqualTo("replaced");
        JsonNode tallies = RunningServer.json(api.get("/api/operations/test-op/tallies"));
        assertThat(tallies.get("movements").get(0).get("quota").asLong()).isEqualTo(2000);
        assertThat(api.feedSize("test-op")).isEqualTo(1);
    }

    @Test
    void definitionDroppingAnIdInUse_isRefusedNamingIt() {
        api.defineTestOperation();
        api.postJson("/api/operations/test-op/observations", Observations.detention("c1", 3));
        String withoutParty = RunningServer.fixture("test-op.yaml")
                .replace("  - {id: government, name: {en: Government forces}}\n", "")
                .replace("parties: [opposition, government]", "parties: [opposition]");

        HttpResponse<String> response = api.post("/api/operations", "application/yaml", withoutParty);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("government");
        assertThat(RunningServer.json(response).get("detail").asText())
                .endsWith("keep those ids in the new definition, since stored observations never change");
        JsonNode definition = RunningServer.json(api.get("/api/operations/test-op"));
        assertThat(definition.get("parties")).hasSize(2);
    }

    @Test
    void malformedYaml_is400() {
        HttpResponse<String> response = api.post("/api/operations", "application/yaml", "id: [unclosed\nname: {en: x");
        assertProblem(response, 400);
        assertThat(RunningServer.json(api.get("/api/operations"))).isEmpty();
    }

    @Test
    void secondYamlDocument_is400AndStoresNothing() {
        String twoDocuments = RunningServer.fixture("test-op.yaml") + "\n---\nid: other\n";
        HttpResponse<String> response = api.post("/api/operations", "application/yaml", twoDocuments);
        assertProblem(response, 400);
        assertThat(RunningServer.json(api.get("/api/operations"))).isEmpty();
    }

    @Test
    void yamlPostedAsAFormWithoutItsLineBreaks_is400SayingHowToSendIt() {
        String asCurlDashDSendsIt = RunningServer.fixture("test-op.yaml").replace("\n", "");
        HttpResponse<String> response =
                api.post("/api/operations", "application/x-www-form-urlencoded", asCurlDashDSendsIt);
        assertProblem(response, 400);
        assertThat(RunningServer.json(response).get("detail").asText())
                .endsWith("send the file as it is, with curl --data-binary @FILE -H 'Content-Type: application/yaml'");
    }

    @Test
    void malformedJson_is400() {
        HttpResponse<String> response = api.post("/api/operations", "application/json", "{\"id\": \"x\",");
        assertProblem(response, 400);
    }

    @Test
    void inconsistentDefinition_is422WithEveryProblemByPath() {
        HttpResponse<String> response =
                api.post("/api/operations", "application/yaml", RunningServer.fixture("bad-op.yaml"));
        assertProblem(response, 422);
        JsonNode errors = RunningServer.json(response).get("errors");
        assertThat(errors.findValuesAsText("field"))
                .contains("timezone", "agreements[0].movements[0].quota", "agreements[0].movements[0].to");
        assertThat(RunningServer.json(api.get("/api/operations"))).isEmpty();
    }

    @Test
    void list_andGet_showTheDefinition() {
        api.defineTestOperation();
        JsonNode list = RunningServer.json(api.get("/api/operations"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo("test-op");
        assertThat(list.get(0).get("name").get("en").asText()).isEqualTo("Test evacuation");
        JsonNode definition = RunningServer.json(api.get("/api/operations/test-op"));
        assertThat(definition.get("timezone").asText()).isEqualTo("Asia/Damascus");
        assertThat(definition.get("agreements").get(0).get("movements")).hasSize(2);
    }

    @Test
    void unknownOperation_is404Problem() {
        assertProblem(api.get("/api/operations/nope"), 404);
        assertProblem(api.get("/api/operations/nope/tallies"), 404);
        assertProblem(api.get("/api/operations/nope/convoys"), 404);
        assertProblem(api.get("/api/operations/nope/observations"), 404);
        assertProblem(api.get("/api/operations/nope/stream"), 404);
        assertProblem(api.postJson("/api/operations/nope/observations", Observations.departure("c1", 1)), 404);
        assertThat(RunningServer.json(api.get("/api/operations/nope/tallies"))
                        .get("detail")
                        .asText())
                .isEqualTo("there is no operation 'nope'; GET /api/operations lists the operations there are, and "
                        + "POST /api/operations defines one");
    }

    @Test
    void streamAskedForJsonOnly_is406ProblemNamingTheHeader() {
        api.defineTestOperation();
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/api/operations/test-op/stream"))
                .header("Accept", "application/json")
                .GET());
        assertProblem(response, 406);
        assertThat(RunningServer.json(response).get("detail").asText()).contains("Accept: text/event-stream");
    }

    @Test
    void unknownRoute_is404Problem() {
        HttpResponse<String> response = api.get("/api/nothing-here");
        assertProblem(response, 404);
        assertThat(RunningServer.json(response).get("detail").asText()).contains("/api/nothing-here");
    }

    @Test
    void knownPathWithAnotherMethod_is405ProblemNamingTheMethodsItServes() {
        HttpResponse<String> response =
                api.send(HttpRequest.newBuilder(api.uri("/api/operations")).DELETE());

        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(RunningServer.json(response).get("detail").asText())
                .isEqualTo("DELETE is not served at /api/operations; it serves GET, POST");
    }

    @Test
    void bodyOverTheLimit_is413Problem() {
        String huge = "x".repeat((int) CorridorServer.MAX_BODY_BYTES + 10);
        HttpResponse<String> response = api.post("/api/operations", "application/yaml", huge);
        assertProblem(response, 413);
        assertThat(RunningServer.json(response).get("detail").asText()).contains("send less at once");
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = RunningServer.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("type")).isTrue();
        assertThat(problem.has("title")).isTrue();
        assertThat(problem.has("detail")).isTrue();
        assertThat(problem.get("errors").isArray()).isTrue();
    }
}

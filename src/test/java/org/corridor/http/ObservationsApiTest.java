package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.http.OperationsApiTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObservationsApiTest {
    private static final String OBSERVATIONS = "/api/operations/test-op/observations";

    @TempDir
    static Path directory;

    static RunningServer api;

    @BeforeAll
    static void start() {
        api = RunningServer.start(directory);
        api.defineTestOperation();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void single_createdThenIdenticalDuplicate() {
        ObjectNode departure = Observations.departure("single", 30);

        HttpResponse<String> created = api.postJson(OBSERVATIONS, departure);
        HttpResponse<String> duplicate = api.postJson(OBSERVATIONS, departure);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = RunningServer.json(created);
        assertThat(body.get("status").asText()).isEqualTo("created");
        assertThat(body.get("id").asText()).isEqualTo(departure.get("id").asText());
        assertThat(duplicate.statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(duplicate).get("status").asText()).isEqualTo("duplicate");
        assertThat(RunningServer.json(duplicate).get("seq").asLong())
                .isEqualTo(body.get("seq").asLong());
    }

    @Test
    void sameIdOtherContent_is409AndChangesNothing() {
        ObjectNode departure = Observations.departure("conflicted", 30);
        api.postJson(OBSERVATIONS, departure);
        int before = api.feedSize("test-op");

        HttpResponse<String> response =
                api.postJson(OBSERVATIONS, departure.deepCopy().put("people", 31));

        assertProblem(response, 409);
        assertThat(response.body()).contains(departure.get("id").asText());
        assertThat(api.feedSize("test-op")).isEqualTo(before);
    }

    @Test
    void batch_eachItemOnItsOwn() {
        ObjectNode stored = Observations.departure("batch-1", 10);
        api.postJson(OBSERVATIONS, stored);
        ArrayNode batch = RunningServer.JSON.createArrayNode();
        batch.add(Observations.departure("batch-2", 20));
        batch.add(stored);
        batch.add(stored.deepCopy().put("people", 11));
        batch.add(Observations.departure("batch-3", -1));

        HttpResponse<String> response = api.postJson(OBSERVATIONS, batch);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode results = RunningServer.json(response).get("results");
        assertThat(results.valueStream().map(r -> r.get("status").asText()))
                .containsExactly("created", "duplicate", "conflict", "invalid");
        assertThat(results.get(0).get("seq").asLong()).isPositive();
        assertThat(results.get(1).get("seq").asLong()).isPositive();
        assertThat(results.get(2).get("problem").get("status").asInt()).isEqualTo(409);
        assertThat(results.get(2)
                        .get("problem")
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .as("a conflict in a batch names the field at fault, as a single one does")
                .isEqualTo("id");
        assertThat(results.get(3)
                        .get("problem")
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("people");
        assertThat(results.get(3).get("id").asText())
                .isEqualTo(batch.get(3).get("id").asText());
    }

    @Test
    void batchOfExactlyTheLimit_isAccepted(@TempDir Path own) {
        try (RunningServer server = RunningServer.start(own)) { // its own, so the shared feed stays under 1000
            server.defineTestOperation();
            ArrayNode batch = RunningServer.JSON.createArrayNode();
            for (int i = 0; i < 1_000; i++) {
                batch.add(Observations.departure("full-" + i, 1));
            }

            HttpResponse<String> response = server.postJson(OBSERVATIONS, batch);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(RunningServer.json(response).get("results").findValuesAsText("status"))
                    .hasSize(1_000)
                    .containsOnly("created");
        }
    }

    @Test
    void batchOverTheLimit_is413AndRefusedWhole() {
        int before = api.feedSize("test-op");
        ArrayNode batch = RunningServer.JSON.createArrayNode();
        for (int i = 0; i < 1_001; i++) {
            batch.add(Observations.departure("big-" + i, 1));
        }

        HttpResponse<String> response = api.postJson(OBSERVATIONS, batch);

        assertProblem(response, 413);
        assertThat(RunningServer.json(response).get("detail").asText()).contains("1000");
        assertThat(api.feedSize("test-op")).isEqualTo(before);
    }

    @Test
    void feed_inLedgerOrderWithSeqAndSigned() {
        for (int i = 0; i < 3; i++) {
            api.postJson(OBSERVATIONS, Observations.departure("feed-" + i, 5));
        }
        JsonNode all = RunningServer.json(api.get(OBSERVATIONS + "?limit=1000"));
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).get("seq").asLong()).isEqualTo(i + 1);
            assertThat(all.get(i).get("signed").asBoolean()).isFalse();
            assertThat(all.get(i).has("type")).isTrue();
        }
        JsonNode page = RunningServer.json(api.get(OBSERVATIONS + "?after=1&limit=2"));
        assertThat(page.findValuesAsText("seq")).containsExactly("2", "3");
    }

    @Test
    void feed_defaultLimitIs100() {
        JsonNode all = RunningServer.json(api.get(OBSERVATIONS));
        assertThat(all.size()).isLessThanOrEqualTo(100);
    }

    @ParameterizedTest
    @MethodSource("badFeedParameters")
    void feed_badParameter_is400NamingIt(String query, String parameter) {
        HttpResponse<String> response = api.get(OBSERVATIONS + "?" + query);
        assertProblem(response, 400);
        assertThat(RunningServer.json(response)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo(parameter);
    }

    static Stream<Arguments> badFeedParameters() {
        return Stream.of(
                Arguments.of("after=-1", "after"),
                Arguments.of("after=x", "after"),
                Arguments.of("limit=0", "limit"),
                Arguments.of("limit=1001", "limit"),
                Arguments.of("limit=ten", "limit"));
    }

    @Test
    void malformedJson_is400AndChangesNothing() {
        int before = api.feedSize("test-op");
        HttpResponse<String> response = api.post(OBSERVATIONS, "application/json", "{\"id\": \"x\", ");
        assertProblem(response, 400);
        assertThat(api.feedSize("test-op")).isEqualTo(before);
    }

    @Test
    void bodyWithMoreThanOneJsonValue_is400AndChangesNothing() throws Exception {
        int before = api.feedSize("test-op");
        String first = RunningServer.JSON.writeValueAsString(Observations.departure("twice-1", 5));
        String second = RunningServer.JSON.writeValueAsString(Observations.departure("twice-2", 6));

        assertProblem(api.post(OBSERVATIONS, "application/json", first + " " + second), 400);
        assertProblem(api.post(OBSERVATIONS, "application/json", first + " trailing"), 400);
        assertThat(api.feedSize("test-op")).isEqualTo(before);
    }

    @Test
    void noteWithALoneSurrogate_hasNoCanonicalForm_isRefusedAndChangesNothing() {
        int before = api.feedSize("test-op");
        String escaped = "\"note\":\"\\ud800 cut in half\"";
        String departure = Observations.departure("c-surrogate", 10).toString();
        String body = departure.substring(0, departure.length() - 1) + "," + escaped + "}";

        HttpResponse<String> single = api.post(OBSERVATIONS, "application/json", body);
        HttpResponse<String> batch = api.post(OBSERVATIONS, "application/json", "[" + body + "]");

        assertProblem(single, 422);
        assertThat(RunningServer.json(batch).get("results").get(0).get("status").asText())
                .isEqualTo("invalid");
        assertThat(api.feedSize("test-op")).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidObservations")
    void invalid_is422NamingTheFieldAndChangesNothing(String what, ObjectNode observation, String field) {
        int before = api.feedSize("test-op");

        HttpResponse<String> response = api.postJson(OBSERVATIONS, observation);

        assertProblem(response, 422);
        assertThat(RunningServer.json(response).get("errors").findValuesAsText("field"))
                .contains(field);
        assertThat(api.feedSize("test-op")).isEqualTo(before);
    }

    static Stream<Arguments> invalidObservations() {
        String future = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(6).toString();
        return Stream.of(
                missing("id"),
                missing("type"),
                missing("operation"),
                missing("at"),
                missing("monitor"),
                missing("site"),
                missing("convoy"),
                missing("movement"),
                missing("people"),
                broken("people as text", o -> o.put("people", "many"), "people"),
                broken("people fractional", o -> o.put("people", 1.5), "people"),
                broken("negative people", o -> o.put("people", -1), "people"),
                broken("at not a time", o -> o.put("at", "yesterday"), "at"),
                broken("at as a number", o -> o.put("at", 5), "at"),
                broken("at before 1900", o -> o.put("at", "1600-01-01T00:00:00Z"), "at"),
                broken("id not a UUID", o -> o.put("id", "abc"), "id"),
                broken("unknown type", o -> o.put("type", "convoy.teleported"), "type"),
                broken("unknown operation", o -> o.put("operation", "other-op"), "operation"),
                broken("unknown site", o -> o.put("site", "nowhere"), "site"),
                broken("unknown movement", o -> o.put("movement", "nowhere-out"), "movement"),
                broken("unknown monitor", o -> o.put("monitor", "m9"), "monitor"),
                broken("departure site is not the origin", o -> o.put("site", "west"), "site"),
                broken("at 6 minutes in the future", o -> o.put("at", future), "at"),
                broken("unknown field", o -> o.put("colour", "red"), "colour"),
                Arguments.of("unknown party", Observations.detention("c1", 2).put("by", "nobody"), "by"),
                Arguments.of(
                        "arrival site is not the destination",
                        Observations.arrival("c1", 2).put("site", "east"),
                        "site"),
                Arguments.of(
                        "negative detention", Observations.detention("c1", 2).put("people", -3), "people"));
    }

    private static Arguments missing(String field) {
        ObjectNode observation = Observations.departure("c1", 10);
        observation.remove(field);
        return Arguments.of("missing " + field, observation, field);
    }

    private static Arguments broken(String what, UnaryOperator<ObjectNode> change, String field) {
        return Arguments.of(what, change.apply(Observations.departure("c1", 10)), field);
    }
}

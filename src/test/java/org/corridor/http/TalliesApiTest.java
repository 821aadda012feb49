package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.http.OperationsApiTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TalliesApiTest {
    @TempDir
    static Path directory;

    static RunningServer api;

    @BeforeAll
    static void start() {
        api = RunningServer.start(directory);
        api.defineTestOperation();
        ArrayNode batch = RunningServer.JSON.createArrayNode();
        batch.add(Observations.departure("c1", 120));
        batch.add(Observations.detention("c1", 2));
        batch.add(Observations.arrival("c1", 118));
        batch.add(Observations.departure("c2", 50));
        api.postJson("/api/operations/test-op/observations", batch);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void tallies_haveTheContractShape() {
        HttpResponse<String> response = api.get("/api/operations/test-op/tallies");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tallies = RunningServer.json(response);
        assertThat(tallies.fieldNames())
                .toIterable()
                .contains(
                        "operation",
                        "asOf",
                        "departed",
                        "evacuated",
                        "inTransit",
                        "detained",
                        "unaccounted",
                        "sinceMidnight",
                        "movements",
                        "alerts");
        assertThat(tallies.get("operation").asText()).isEqualTo("test-op");
        assertThat(tallies.get("departed").asLong()).isEqualTo(170);
        assertThat(tallies.get("evacuated").asLong()).isEqualTo(118);
        assertThat(tallies.get("inTransit").asLong()).isEqualTo(50);
        JsonNode movement = tallies.get("movements").get(0);
        assertThat(movement.fieldNames())
                .toIterable()
                .contains(
                        "id",
                        "quota",
                        "evacuated",
                        "inTransit",
                        "remaining",
                        "progress",
                        "status",
                        "openedAt",
                        "ratePerHour",
                        "eta");
        assertThat(movement.get("id").asText()).isEqualTo("east-out");
    }

    @Test
    void tallies_asOfCountsOnlyEarlierObservations() {
        JsonNode before =
                RunningServer.json(api.get("/api/operations/test-op/tallies?asOf=2016-12-15T07:00:00%2B02:00"));
        assertThat(before.get("departed").asLong()).isZero();
        JsonNode between = RunningServer.json(api.get("/api/operations/test-op/tallies?asOf=2016-12-15T08:30:00Z"));
        assertThat(between.get("departed").asLong()).isEqualTo(170);
    }

    @ParameterizedTest(name = "asOf={0}")
    @ValueSource(strings = {"2016-12-15T08:30:00+02:00", "2016-12-15T08:30:00%2002:00"})
    void tallies_asOfWithAnUnencodedPlus_readsItAsThePlusOfTheOffset(String asOf) {
        JsonNode encoded =
                RunningServer.json(api.get("/api/operations/test-op/tallies?asOf=2016-12-15T08:30:00%2B02:00"));

        HttpResponse<String> response = api.get("/api/operations/test-op/tallies?asOf=" + asOf);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(RunningServer.json(response)).isEqualTo(encoded);
        assertThat(encoded.get("asOf").asText()).isEqualTo("2016-12-15T08:30:00+02:00");
    }

    @ParameterizedTest(name = "asOf={0}")
    @ValueSource(strings = {"2016-12-15%2008:30:00+02:00", "2016-12-15T08:30:00%20-02:00", "2016-12-15T08:30:00"})
    void tallies_asOfLeniencyStopsAtTheOffsetsPlus(String asOf) {
        assertProblem(api.get("/api/operations/test-op/tallies?asOf=" + asOf), 400);
    }

    @ParameterizedTest(name = "asOf={0}")
    @ValueSource(strings = {"yesterday", "9999-01-01T00:00:00Z", "1000-01-01T00:00:00Z"})
    void tallies_badAsOf_is400NamingIt(String asOf) {
        HttpResponse<String> response = api.get("/api/operations/test-op/tallies?asOf=" + asOf);
        assertProblem(response, 400);
        assertThat(RunningServer.json(response)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("asOf");
    }

    @Test
    void convoys_haveTheContractShape() {
        HttpResponse<String> response = api.get("/api/operations/test-op/convoys");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode convoys = RunningServer.json(response);
        assertThat(convoys).hasSize(2);
        JsonNode c1 = convoys.findParents("id").stream()
                .filter(c -> c.get("id").asText().equals("c1"))
                .findFirst()
                .orElseThrow();
        assertThat(c1.fieldNames())
                .toIterable()
                .contains(
                        "id",
                        "movement",
                        "status",
                        "departed",
                        "arrived",
                        "detained",
                        "lastSite",
                        "lastAt",
                        "disputed");
        assertThat(c1.get("status").asText()).isEqualTo("arrived");
        assertThat(c1.get("departed").asLong()).isEqualTo(120);
        assertThat(c1.get("arrived").asLong()).isEqualTo(118);
        assertThat(c1.get("detained").asLong()).isEqualTo(2);
    }

    @Test
    void convoys_acceptAsOf() {
        JsonNode convoys =
                RunningServer.json(api.get("/api/operations/test-op/convoys?asOf=2016-12-15T09:30:00%2B02:00"));
        assertThat(convoys.findValuesAsText("status")).doesNotContain("arrived");
        assertProblem(api.get("/api/operations/test-op/convoys?asOf=noon"), 400);
    }
}

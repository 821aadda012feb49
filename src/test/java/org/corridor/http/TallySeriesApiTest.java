package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.http.OperationsApiTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/operations/{op}/tallies/series}: each point is what {@code ?asOf=} gives for its time. */
class TallySeriesApiTest {
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
        batch.add(Observations.departure("c2", 50)
                .put("at", "2016-12-15T10:20:00+02:00")
                .put("people", 50));
        api.postJson("/api/operations/test-op/observations", batch);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void series_spansTheObservations_andEachPointIsTheTalliesAsOfItsTime() {
        JsonNode series = RunningServer.json(api.get("/api/operations/test-op/tallies/series?step=PT30M"));

        JsonNode points = series.get("points");
        // 08:00 (the first observation), 08:30 ... 10:00, then 10:20 (the last): a point per step and the end.
        assertThat(points).hasSize(6);
        assertThat(series.get("step").asText()).isEqualTo("PT30M");
        assertThat(series.get("from").asText())
                .isEqualTo(points.get(0).get("asOf").asText());
        assertThat(series.get("to").asText())
                .isEqualTo(points.get(5).get("asOf").asText());
        for (JsonNode point : points) {
            JsonNode tallies = RunningServer.json(api.get("/api/operations/test-op/tallies?asOf="
                    + URLEncoder.encode(point.get("asOf").asText(), StandardCharsets.UTF_8)));
            assertThat(tallies.get("asOf").asText()).isEqualTo(point.get("asOf").asText());
            for (String figure : new String[] {"evacuated", "departed", "inTransit", "detained", "unaccounted"}) {
                assertThat(point.get(figure).asLong())
                        .as(figure)
                        .isEqualTo(tallies.get(figure).asLong());
            }
            for (JsonNode movement : tallies.get("movements")) {
                assertThat(point.get("movements")
                                .get(movement.get("id").asText())
                                .asLong())
                        .isEqualTo(movement.get("evacuated").asLong());
            }
        }
        assertThat(points.get(0).get("evacuated").asLong()).isZero();
        assertThat(points.get(5).get("evacuated").asLong()).isEqualTo(118);
        assertThat(points.get(5).get("inTransit").asLong()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void series_withoutStep_takesWholeHoursKeepingWithinItsLimit() {
        JsonNode hourly = RunningServer.json(api.get("/api/operations/test-op/tallies/series"));
        assertThat(hourly.get("step").asText()).isEqualTo("PT1H");
        assertThat(hourly.get("points")).hasSize(4); // 08:00, 09:00, 10:00, 10:20
        JsonNode years = RunningServer.json(api.get(
                "/api/operations/test-op/tallies/series" + "?from=2016-12-15T00:00:00Z&to=2026-12-15T00:00:00Z"));
        assertThat(years.get("points").size()).isBetween(2, TallyRoutes.AUTOMATIC_POINTS + 1);
        assertThat(years.get("points")
                        .get(years.get("points").size() - 1)
                        .get("evacuated")
                        .asLong())
                .isEqualTo(118);
    }

    @Test
    void series_followsANewObservation_thoughAnswersAreKeptWhileNothingChanges() {
        JsonNode before = RunningServer.json(api.get("/api/operations/test-op/tallies/series?step=PT30M"));
        assertThat(RunningServer.json(api.get("/api/operations/test-op/tallies/series?step=PT30M")))
                .isEqualTo(before);
        api.postJson(
                "/api/operations/test-op/observations",
                Observations.departure("c9", 7).put("at", "2016-12-15T10:20:00+02:00"));
        JsonNode after = RunningServer.json(api.get("/api/operations/test-op/tallies/series?step=PT30M"));
        JsonNode last = after.get("points").get(after.get("points").size() - 1);
        JsonNode lastBefore = before.get("points").get(before.get("points").size() - 1);
        assertThat(last.get("departed").asLong())
                .isEqualTo(lastBefore.get("departed").asLong() + 7);
        assertThat(last.get("inTransit").asLong())
                .isEqualTo(lastBefore.get("inTransit").asLong() + 7);
    }

    @Test
    void series_takesFromAndTo() {
        JsonNode series = RunningServer.json(api.get("/api/operations/test-op/tallies/series?step=PT1H"
                + "&from=2016-12-15T09:30:00%2B02:00&to=2016-12-15T10:00:00%2B02:00"));
        assertThat(series.get("points")).hasSize(2);
        assertThat(series.get("points").get(0).get("evacuated").asLong()).isZero();
        assertThat(series.get("points").get(1).get("evacuated").asLong()).isEqualTo(118);
    }

    @ParameterizedTest(name = "step={0}")
    @ValueSource(strings = {"hourly", "PT30S", "-PT1H", "PT0S"})
    void series_badStep_is400NamingIt(String step) {
        HttpResponse<String> response = api.get("/api/operations/test-op/tallies/series?step=" + step);
        assertProblem(response, 400);
        assertThat(RunningServer.json(response)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("step");
    }

    @Test
    void series_ofTooManyPoints_is400NamingTheStep() {
        HttpResponse<String> response = api.get("/api/operations/test-op/tallies/series?step=PT1M"
                + "&from=2016-12-15T00:00:00Z&to=2016-12-16T00:00:00Z");
        assertProblem(response, 400);
        assertThat(RunningServer.json(response)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("step");
    }

    @Test
    void series_withToBeforeFrom_is400() {
        HttpResponse<String> response = api.get(
                "/api/operations/test-op/tallies/series" + "?from=2016-12-16T00:00:00Z&to=2016-12-15T00:00:00Z");
        assertProblem(response, 400);
        assertThat(RunningServer.json(response)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("to");
    }

    @Test
    void series_ofAnUnknownOperation_is404() {
        assertProblem(api.get("/api/operations/nowhere/tallies/series"), 404);
    }
}

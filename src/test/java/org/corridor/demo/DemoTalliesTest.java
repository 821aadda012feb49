package org.corridor.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.corridor.observation.Observation;
import org.corridor.observation.ObservationReader;
import org.corridor.operation.Operation;
import org.corridor.operation.OperationReader;
import org.corridor.tally.Alert;
import org.corridor.tally.LiveTallies;
import org.corridor.tally.MovementTally;
import org.corridor.tally.Tallies;
import org.corridor.tally.TallyEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The demo's figures, worked out by hand from the rules (src/test/resources/demo/expected-tallies.json), equal the engine's. */
class DemoTalliesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<JsonNode> moments() throws IOException {
        return Stream.of(expected().get("moments")).flatMap(moments -> {
            List<JsonNode> list = new ArrayList<>();
            moments.forEach(list::add);
            return list.stream();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moments")
    void demoTallies_matchTheFiguresWorkedOutByHand(JsonNode moment) throws IOException {
        Operation operation = OperationReader.read(resource("/demo/aleppo-2016-12.yaml"));
        List<Observation> observations = demoObservations(operation);
        Instant asOf = OffsetDateTime.parse(moment.get("asOf").asText()).toInstant();
        JsonNode tolerances = expected().get("tolerances");

        Tallies tallies = TallyEngine.tallies(operation, observations, asOf);
        LiveTallies live = new LiveTallies(operation);
        observations.forEach(live::add);

        assertThat(live.tallies(asOf)).isEqualTo(tallies);
        assertThat(tallies.departed()).isEqualTo(moment.get("departed").asLong());
        assertThat(tallies.evacuated()).isEqualTo(moment.get("evacuated").asLong());
        assertThat(tallies.inTransit()).isEqualTo(moment.get("inTransit").asLong());
        assertThat(tallies.detained()).isEqualTo(moment.get("detained").asLong());
        assertThat(tallies.unaccounted()).isEqualTo(moment.get("unaccounted").asLong());
        assertThat(tallies.sinceMidnight())
                .isEqualTo(moment.get("sinceMidnight").asLong());
        for (JsonNode expectedMovement : moment.get("movements")) {
            MovementTally actual = tallies.movements().stream()
                    .filter(m -> m.id().equals(expectedMovement.get("id").asText()))
                    .findFirst()
                    .orElseThrow();
            assertThat(actual.evacuated())
                    .isEqualTo(expectedMovement.get("evacuated").asLong());
            assertThat(actual.inTransit())
                    .isEqualTo(expectedMovement.get("inTransit").asLong());
            assertThat(actual.remaining())
                    .isEqualTo(expectedMovement.get("remaining").asLong());
            assertThat(actual.status()).isEqualTo(expectedMovement.get("status").asText());
            assertThat(actual.openedAt()).isEqualTo(textOrNull(expectedMovement.get("openedAt")));
            assertThat(actual.progress())
                    .isCloseTo(
                            expectedMovement.get("progress").asDouble(),
                            within(tolerances.get("progress").asDouble()));
            assertThat(actual.ratePerHour())
                    .isCloseTo(
                            expectedMovement.get("ratePerHour").asDouble(),
                            within(tolerances.get("ratePerHour").asDouble()));
            String eta = textOrNull(expectedMovement.get("eta"));
            if (eta == null) {
                assertThat(actual.eta()).isNull();
            } else {
                Duration off = Duration.between(OffsetDateTime.parse(eta), OffsetDateTime.parse(actual.eta()));
                assertThat(off.abs().toSeconds())
                        .isLessThanOrEqualTo(tolerances.get("etaSeconds").asLong());
            }
        }
        List<String> expectedAlerts = new ArrayList<>();
        moment.get("alerts")
                .forEach(a -> expectedAlerts.add(
                        a.get("kind").asText() + " " + a.get("subject").asText()));
        assertThat(tallies.alerts().stream().map(DemoTalliesTest::describe))
                .containsExactlyInAnyOrderElementsOf(expectedAlerts);
    }

    private static String describe(Alert alert) {
        return alert.kind() + " " + alert.subject();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    static List<Observation> demoObservations(Operation operation) throws IOException {
        String lines = new String(resource("/demo/aleppo-2016-12.observations.jsonl"), StandardCharsets.UTF_8);
        Instant now = Instant.parse("2016-12-20T00:00:00Z");
        List<Observation> observations = new ArrayList<>();
        for (String line : lines.split("\n")) {
            if (!line.isBlank()) {
                observations.add(ObservationReader.read(JSON.readTree(line), operation, now));
            }
        }
        return observations;
    }

    private static JsonNode expected() throws IOException {
        return JSON.readTree(resource("/demo/expected-tallies.json"));
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = DemoTalliesTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing resource " + path);
            }
            return in.readAllBytes();
        }
    }
}

package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {
    @TempDir
    Path directory;

    @Test
    void restart_afterADefinitionMovedAnOrigin_keepsCountingWhatWasAccepted() {
        try (RunningServer api = RunningServer.start(directory)) {
            api.defineTestOperation();
            api.postJson("/api/operations/test-op/observations", Observations.departure("c1", 40));
            String movedOrigin = RunningServer.fixture("test-op.yaml")
                    .replace("{id: east-out, from: east, to: west", "{id: east-out, from: north, to: west");
            assertThat(api.post("/api/operations", "application/yaml", movedOrigin)
                            .statusCode())
                    .isEqualTo(200);
        }

        try (RunningServer api = RunningServer.start(directory)) {
            JsonNode tallies = RunningServer.json(api.get("/api/operations/test-op/tallies"));
            assertThat(tallies.get("departed").asLong()).isEqualTo(40);
        }
    }

    @Test
    void restart_replaysTheLedgerIntoTheSameTallies() {
        JsonNode before;
        try (RunningServer api = RunningServer.start(directory)) {
            api.defineTestOperation();
            ArrayNode batch = RunningServer.JSON.createArrayNode();
            batch.add(Observations.departure("c1", 120));
            batch.add(Observations.detention("c1", 2));
            batch.add(Observations.arrival("c1", 117));
            api.postJson("/api/operations/test-op/observations", batch);
            before = RunningServer.json(api.get("/api/operations/test-op/tallies?asOf=2016-12-16T00:00:00Z"));
        }

        try (RunningServer api = RunningServer.start(directory)) {
            JsonNode after = RunningServer.json(api.get("/api/operations/test-op/tallies?asOf=2016-12-16T00:00:00Z"));
            assertThat(after).isEqualTo(before);
            assertThat(after.get("unaccounted").asLong()).isEqualTo(1);
            assertThat(RunningServer.json(api.get("/api/operations"))
                            .get(0)
                            .get("id")
                            .asText())
                    .isEqualTo("test-op");
        }
    }
}

package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database dies in the middle of ingest and comes back: the server answers 503 meanwhile, recovers without a
 * restart, clients that retry get every observation stored, and nothing acknowledged is lost or stored twice.
 */
class DatabaseOutageTest {
    private static final String OBSERVATIONS = "/api/operations/test-op/observations";
    private static final int OUTAGES = 3;

    private CuttableProxy proxy;
    private RunningServer api;

    @BeforeEach
    void start() throws Exception {
        String url = TestSchemas.fresh("outage");
        URI database = URI.create(url.substring("jdbc:".length()));
        proxy = new CuttableProxy(database.getHost(), database.getPort());
        api = RunningServer.following(
                url.replace(database.getHost() + ":" + database.getPort(), "127.0.0.1:" + proxy.port()));
        api.defineTestOperation();
    }

    @AfterEach
    void stop() throws Exception {
        if (api != null) {
            api.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aDatabaseOutageMidIngest_loseNothingAcknowledged_andTheServerRecoversWithoutARestart() throws Exception {
        Map<String, ObjectNode> unacknowledged = new LinkedHashMap<>();
        Set<String> acknowledged = new HashSet<>();
        int refusedDuringOutage = 0;
        for (int outage = 0; outage < OUTAGES; outage++) {
            for (int i = 0; i < 5; i++) {
                post(unacknowledged, acknowledged);
            }
            proxy.cut();
            for (int i = 0; i < 5; i++) {
                refusedDuringOutage += post(unacknowledged, acknowledged) == 503 ? 1 : 0;
            }
            proxy.mend();
        }
        for (int attempt = 0; attempt < 50 && !unacknowledged.isEmpty(); attempt++) {
            post(unacknowledged, acknowledged);
        }

        assertThat(refusedDuringOutage).isEqualTo(OUTAGES * 5);
        assertThat(unacknowledged).isEmpty();
        JsonNode feed = RunningServer.json(api.get(OBSERVATIONS + "?limit=1000"));
        Map<String, Integer> times = new HashMap<>();
        List<Long> seqs = new ArrayList<>();
        feed.forEach(entry -> {
            times.merge(entry.get("id").asText(), 1, Integer::sum);
            seqs.add(entry.get("seq").asLong());
        });
        assertThat(times.keySet()).isEqualTo(acknowledged);
        assertThat(times.values()).allMatch(count -> count == 1);
        assertThat(seqs)
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, seqs.size())
                        .boxed()
                        .toList());
        long departed = RunningServer.json(api.get("/api/operations/test-op/tallies"))
                .get("departed")
                .asLong();
        assertThat(departed).isEqualTo(acknowledged.size() * 10L);
    }

    /** Posts the unacknowledged observations and four new ones; returns the status. */
    private int post(Map<String, ObjectNode> unacknowledged, Set<String> acknowledged) {
        for (int i = 0; i < 4; i++) {
            ObjectNode departure = Observations.departure("o" + UUID.randomUUID(), 10);
            unacknowledged.put(departure.get("id").asText(), departure);
        }
        ArrayNode batch = RunningServer.JSON.createArrayNode();
        unacknowledged.values().forEach(batch::add);
        HttpResponse<String> response = api.postJson(OBSERVATIONS, batch);
        if (response.statusCode() == 200) {
            RunningServer.json(response).get("results").forEach(result -> {
                assertThat(result.get("status").asText()).isIn("created", "duplicate");
                acknowledged.add(result.get("id").asText());
                unacknowledged.remove(result.get("id").asText());
            });
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
        return response.statusCode();
    }
}

package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.corridor.integrity.Checkpoint;
import org.corridor.integrity.MerkleLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one PostgreSQL database, as several instances behind a load balancer run: what is posted to one
 * reaches the other's tallies and stream within a second, concurrent writers through both stay correct, and the
 * log stays one consistent log.
 */
class TwoServersTest {
    private static final String OBSERVATIONS = "/api/operations/test-op/observations";

    private RunningServer a;
    private RunningServer b;

    @BeforeEach
    void startTwoServers() throws Exception {
        String url = TestSchemas.fresh("two_servers");
        a = RunningServer.following(url);
        b = RunningServer.following(url);
    }

    @AfterEach
    void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void anOperationDefinedOnOne_andAnObservationPostedToIt_reachTheOthersStreamWithinASecond() throws Exception {
        a.defineTestOperation();
        eventually(() -> b.get("/api/operations/test-op").statusCode() == 200);
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = b.http.send(
                HttpRequest.newBuilder(b.uri("/api/operations/test-op/stream"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = Thread.ofVirtual().start(() -> StreamTest.readEvents(stream.body(), events));
        try {
            assertThat(events.poll(5, TimeUnit.SECONDS)).isNotNull();
            long posted = System.nanoTime();
            assertThat(a.postJson(OBSERVATIONS, Observations.departure("c1", 61))
                            .statusCode())
                    .isEqualTo(201);
            JsonNode event = events.poll(5, TimeUnit.SECONDS);
            while (event != null && event.get("departed").asLong() != 61) {
                event = events.poll(5, TimeUnit.SECONDS);
            }
            Duration latency = Duration.ofNanos(System.nanoTime() - posted);

            assertThat(event).isNotNull();
            assertThat(latency).isLessThan(Duration.ofSeconds(1));
        } finally {
            reader.interrupt();
            stream.body().close();
        }
    }

    @Test
    void concurrentClientsOnBoth_leaveEachObservationOnce_equalTallies_andOneConsistentLog() throws Exception {
        a.defineTestOperation();
        eventually(() -> b.get("/api/operations/test-op").statusCode() == 200);
        Checkpoint before = checkpoint(a);
        List<ObjectNode> sent = new ArrayList<>();
        List<Callable<Set<String>>> clients = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
            RunningServer server = client % 2 == 0 ? a : b;
            RunningServer other = client % 2 == 0 ? b : a;
            List<ArrayNode> batches = new ArrayList<>();
            for (int n = 0; n < 25; n++) {
                ArrayNode batch = RunningServer.JSON.createArrayNode();
                for (int i = 0; i < 8; i++) {
                    ObjectNode departure = Observations.departure("k" + client + "-" + n + "-" + i, 1 + i);
                    batch.add(departure);
                    sent.add(departure);
                }
                batches.add(batch);
            }
            clients.add(() -> {
                Set<String> acknowledged = new HashSet<>();
                for (ArrayNode batch : batches) {
                    acknowledged.addAll(post(server, batch));
                    acknowledged.addAll(post(other, batch)); // a device retrying through the other instance
                }
                return acknowledged;
            });
        }
        Set<String> acknowledged = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<Set<String>> future : pool.invokeAll(clients)) {
                acknowledged.addAll(future.get());
            }
        }

        assertThat(acknowledged).hasSize(sent.size());
        JsonNode feed = RunningServer.json(a.get(OBSERVATIONS + "?limit=1000"));
        List<Long> seqs = new ArrayList<>();
        Set<String> stored = new HashSet<>();
        feed.forEach(entry -> {
            seqs.add(entry.get("seq").asLong());
            stored.add(entry.get("id").asText());
        });
        assertThat(seqs)
                .isEqualTo(LongStream.rangeClosed(1, sent.size()).boxed().toList());
        assertThat(stored).isEqualTo(acknowledged);
        eventually(() -> tallies(a).equals(tallies(b)));
        long departed = tallies(a).get("departed").asLong();
        assertThat(departed)
                .as(() -> "departed on a; convoys missing as of the asOf on a: " + missingConvoys(a, sent)
                        + ", on b: " + missingConvoys(b, sent) + ", now on a: "
                        + tallies(a).get("departed")
                        + ", now on b: " + tallies(b).get("departed"))
                .isEqualTo(4 * 25 * (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8));

        Checkpoint fromA = checkpoint(a);
        Checkpoint fromB = checkpoint(b);
        assertThat(fromA).isEqualTo(fromB);
        JsonNode proof = RunningServer.json(b.get(
                "/api/operations/test-op/log/consistency?from=" + Math.max(1, before.size()) + "&to=" + fromA.size()));
        assertThat(before.size()).isZero();
        assertThat(proof.get("to").asLong()).isEqualTo(sent.size());
        assertThat(fromA.root()).isNotEqualTo(MerkleLog.emptyRoot());
    }

    private static Set<String> post(RunningServer server, ArrayNode batch) {
        HttpResponse<String> response = server.postJson(OBSERVATIONS, batch);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Set<String> acknowledged = new HashSet<>();
        RunningServer.json(response).get("results").forEach(result -> {
            String status = result.get("status").asText();
            assertThat(status).isIn("created", "duplicate");
            acknowledged.add(result.get("id").asText());
        });
        return acknowledged;
    }

    private static JsonNode tallies(RunningServer server) {
        ObjectNode tallies = (ObjectNode)
                RunningServer.json(server.get("/api/operations/test-op/tallies?asOf=2016-12-16T00:00:00%2B02:00"));
        return tallies;
    }

    /** The convoys of {@code sent} that {@code server}'s board as of the test's asOf does not show departed. */
    private static List<String> missingConvoys(RunningServer server, List<ObjectNode> sent) {
        Set<String> shown = new HashSet<>();
        RunningServer.json(server.get("/api/operations/test-op/convoys?asOf=2016-12-16T00:00:00%2B02:00"))
                .forEach(row -> {
                    if (row.path("departed").asLong() > 0) {
                        shown.add(row.get("id").asText());
                    }
                });
        return sent.stream()
                .map(o -> o.get("convoy").asText() + "/" + o.get("id").asText())
                .filter(convoy -> !shown.contains(convoy.substring(0, convoy.indexOf('/'))))
                .toList();
    }

    private static Checkpoint checkpoint(RunningServer server) {
        return Checkpoint.parse(RunningServer.SIGNER
                .verifier()
                .open(server.get("/api/operations/test-op/log/checkpoint").body()));
    }

    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("not reached within 5 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}

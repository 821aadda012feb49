package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.corridor.TestAccess;
import org.corridor.access.AccessSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as its own process, killed with SIGKILL at random moments while a client posts batches: every
 * observation it acknowledged is in the feed exactly once afterwards, and the sequence has no gaps.
 */
class CrashRecoveryTest {
    private static final int KILLS = 5;
    private static final int BATCH = 40;

    @TempDir
    Path directory;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Random random = new Random(20161215L);
    private int port;
    private Process server;

    /** Whatever happened (a timeout too), no server of this test outlives it. */
    @org.junit.jupiter.api.AfterEach
    void killTheServer() throws InterruptedException {
        if (server != null) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private int convoys;
    private final java.util.concurrent.atomic.AtomicInteger acknowledgedCount =
            new java.util.concurrent.atomic.AtomicInteger();

    @Test
    @Timeout(
            value = 180,
            unit = TimeUnit.SECONDS) // a guard against a hang, not a measure: five JVM starts on a busy machine
    void acknowledgedObservations_surviveKillsExactlyOnce() throws Exception {
        port = freePort();
        startServer();
        assertThat(post("/api/operations", "application/yaml", RunningServer.fixture("test-op.yaml"))
                        .statusCode())
                .isEqualTo(201);
        Set<String> acknowledged = new TreeSet<>();
        Map<String, ObjectNode> unacknowledged = new LinkedHashMap<>();
        for (int kill = 0; kill < KILLS; kill++) {
            Process victim = server;
            int before = acknowledgedCount.get();
            int pause = 150 + random.nextInt(500);
            Thread killer = Thread.ofVirtual().start(() -> {
                // Kill only after this server has acknowledged something, however slow the machine is.
                while (acknowledgedCount.get() == before && victim.isAlive()) {
                    sleep(10);
                }
                sleep(pause);
                victim.destroyForcibly();
            });
            while (victim.isAlive()) {
                postBatch(unacknowledged, acknowledged);
            }
            killer.join();
            victim.waitFor();
            startServer();
        }
        while (!unacknowledged.isEmpty()) {
            postBatch(unacknowledged, acknowledged);
        }

        List<JsonNode> feed = readFeed();
        Map<String, Integer> times = new HashMap<>();
        for (int i = 0; i < feed.size(); i++) {
            assertThat(feed.get(i).get("seq").asLong()).isEqualTo(i + 1);
            times.merge(feed.get(i).get("id").asText(), 1, Integer::sum);
        }
        assertThat(times.values()).allMatch(count -> count == 1);
        assertThat(times.keySet()).containsAll(acknowledged);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS * BATCH);
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
    }

    /** Posts the unacknowledged observations plus new ones; those acknowledged (2xx) move to {@code acknowledged}. */
    private void postBatch(Map<String, ObjectNode> unacknowledged, Set<String> acknowledged) {
        while (unacknowledged.size() < BATCH) {
            ObjectNode departure = Observations.departure("c" + convoys++, 1 + random.nextInt(60));
            unacknowledged.put(departure.get("id").asText(), departure);
        }
        ArrayNode batch = RunningServer.JSON.createArrayNode();
        unacknowledged.values().stream().limit(BATCH).forEach(batch::add);
        HttpResponse<String> response;
        try {
            response = post("/api/operations/test-op/observations", "application/json", batch.toString());
        } catch (IOException e) {
            return;
        }
        if (response.statusCode() != 200) {
            return;
        }
        for (JsonNode result : RunningServer.json(response).get("results")) {
            String status = result.get("status").asText();
            assertThat(status).isIn("created", "duplicate");
            acknowledged.add(result.get("id").asText());
            unacknowledged.remove(result.get("id").asText());
        }
        acknowledgedCount.set(acknowledged.size());
    }

    private List<JsonNode> readFeed() throws IOException {
        List<JsonNode> feed = new ArrayList<>();
        while (true) {
            String path = "/api/operations/test-op/observations?limit=1000&after=" + feed.size();
            JsonNode page =
                    RunningServer.json(send(HttpRequest.newBuilder(uri(path)).GET()));
            if (page.isEmpty()) {
                return feed;
            }
            page.forEach(feed::add);
        }
    }

    private void startServer() throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath,
                        "org.corridor.Corridor",
                        "serve",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--data-dir",
                        directory.resolve("data").toString(),
                        "--db",
                        RunningServer.storeUrl(directory.resolve("crash")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        directory.resolve("server.log").toFile()));
        builder.environment().put(AccessSettings.BOOTSTRAP_TOKEN, TestAccess.ADMIN_TOKEN);
        server = builder.start();
        // A JVM start on a shared 2-core machine under other builds has been seen to take over 20 s; a minute is
        // generous for a start and still ends a test whose server will never come up.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException(
                        "the server exited with " + server.exitValue() + "; see " + directory.resolve("server.log"));
            }
            try {
                if (send(HttpRequest.newBuilder(uri("/api/health")).GET()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                sleep(50);
            }
        }
        throw new IllegalStateException("the server did not start; see " + directory.resolve("server.log"));
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws IOException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(
                    TestAccess.asAdmin(request.timeout(Duration.ofSeconds(5))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

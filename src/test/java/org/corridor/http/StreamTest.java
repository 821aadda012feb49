package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class StreamTest {
    @TempDir
    Path directory;

    RunningServer api;

    @BeforeEach
    void start() {
        api = RunningServer.start(directory);
        api.defineTestOperation();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void stream_sendsTalliesOnConnectAndWithinASecondOfAPost() throws Exception {
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> response = api.http.send(
                HttpRequest.newBuilder(api.uri("/api/operations/test-op/stream"))
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        Thread reader = Thread.ofVirtual().start(() -> readEvents(response.body(), events));
        try {
            JsonNode first = events.poll(5, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.get("departed").asLong()).isZero();

            long posted = System.nanoTime();
            api.postJson("/api/operations/test-op/observations", Observations.departure("c1", 77));
            JsonNode next = events.poll(5, TimeUnit.SECONDS);
            while (next != null && next.get("departed").asLong() != 77) {
                next = events.poll(5, TimeUnit.SECONDS); // an event already on its way before the post
            }
            Duration latency = Duration.ofNanos(System.nanoTime() - posted);

            assertThat(next).isNotNull();
            assertThat(latency).isLessThan(Duration.ofSeconds(1));
        } finally {
            reader.interrupt();
            response.body().close();
        }
    }

    @ParameterizedTest(name = "Accept: {0}")
    @NullSource
    @ValueSource(strings = {"*/*", "text/*", "text/event-stream", "application/json, text/event-stream;q=0.5"})
    void stream_servesAnyClientThatAcceptsEvents(String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/operations/test-op/stream"))
                .GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<InputStream> response = api.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> readEvents(response.body(), events));
        try {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
            JsonNode first = events.poll(5, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.get("operation").asText()).isEqualTo("test-op");
        } finally {
            reader.interrupt();
            response.body().close();
        }
    }

    @Test
    void stream_refusingEvents_is406() {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/api/operations/test-op/stream"))
                .header("Accept", "text/event-stream;q=0, application/json")
                .GET());
        OperationsApiTest.assertProblem(response, 406);
    }

    /** Reads server-sent events from {@code body}, putting each tallies event's data in {@code events}. */
    static void readEvents(InputStream body, BlockingQueue<JsonNode> events) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:") && "tallies".equals(event)) {
                    events.add(RunningServer.JSON.readTree(
                            line.substring("data:".length()).trim()));
                }
            }
        } catch (java.io.IOException e) {
            // the stream was closed by the test
        }
    }
}

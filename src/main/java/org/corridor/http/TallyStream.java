package org.corridor.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.corridor.service.CorridorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each operation's tallies to its server-sent-event clients: on connect, shortly after each change (a burst
 * of changes makes one event), and again on a slow timer, since figures such as rates and overdue status change
 * with time alone. Comments keep idle connections open through proxies.
 */
final class TallyStream implements AutoCloseable {
    static final Duration COALESCE = Duration.ofMillis(100);
    static final Duration REFRESH = Duration.ofSeconds(30);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(TallyStream.class);

    private final CorridorService service;
    private final ObjectMapper json;
    private final Map<String, Set<SseClient>> clients = new ConcurrentHashMap<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tally-stream");
        thread.setDaemon(true);
        return thread;
    });

    TallyStream(CorridorService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
        service.onChange(changed::add);
        every(COALESCE, this::sendChanged);
        every(REFRESH, () -> clients.keySet().forEach(this::send));
        every(KEEP_ALIVE, this::keepAlive);
    }

    private void every(Duration period, Runnable task) {
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.warn("tally stream task failed", e);
                    }
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Answers {@code ctx} with an event stream of its operation's tallies, held open until the client goes. This is
     * what Javalin's own SSE handler does, less its demand for an {@code Accept} header of exactly
     * {@code text/event-stream} (see {@link EventStreamAccept}); {@code Cache-Control: no-store} is already set.
     */
    void open(Context ctx) throws IOException {
        String operationId = ctx.pathParam("op");
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/event-stream");
        response.addHeader("Connection", "close");
        response.addHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
        ctx.async(config -> config.timeout = 0, () -> join(operationId, new SseClient(ctx)));
    }

    /** Keeps {@code client} open and sends it the operation's current tallies. */
    private void join(String operationId, SseClient client) {
        client.keepAlive();
        Set<SseClient> audience = clients.computeIfAbsent(operationId, id -> ConcurrentHashMap.newKeySet());
        audience.add(client);
        client.onClose(() -> audience.remove(client));
        sendTo(client, operationId, tallies(operationId));
    }

    private void sendChanged() {
        for (String operationId : Set.copyOf(changed)) {
            changed.remove(operationId);
            send(operationId);
        }
    }

    private void send(String operationId) {
        Set<SseClient> audience = clients.get(operationId);
        if (audience == null || audience.isEmpty()) {
            return;
        }
        String event = tallies(operationId);
        audience.forEach(client -> sendTo(client, operationId, event));
    }

    private void keepAlive() {
        clients.values()
                .forEach(audience -> audience.forEach(client -> {
                    client.sendComment("keep-alive");
                    dropIfGone(audience, client);
                }));
    }

    private void sendTo(SseClient client, String operationId, String event) {
        client.sendEvent("tallies", event, Long.toString(service.version(operationId)));
        dropIfGone(clients.getOrDefault(operationId, Set.of()), client);
    }

    private static void dropIfGone(Set<SseClient> audience, SseClient client) {
        if (client.terminated()) {
            audience.remove(client);
        }
    }

    private String tallies(String operationId) {
        try {
            return json.writeValueAsString(service.tallies(operationId, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tallies could not be written as JSON", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        clients.values().forEach(audience -> audience.forEach(SseClient::close));
        clients.clear();
    }
}

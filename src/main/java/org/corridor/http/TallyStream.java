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
    /** Each operation's clients, each with the party whose view it gets ({@link PartyView}), "" for the whole. */
    private final Map<String, Map<SseClient, String>> clients = new ConcurrentHashMap<>();

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
        String party = PartyView.talliesPartyOf(AccessGuard.principal(ctx), service.operation(operationId));
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/event-stream");
        response.addHeader("Connection", "close");
        response.addHeader("X-Accel-Buffering", "no");
        response.flushBuffer();
        ctx.async(
                config -> config.timeout = 0, () -> join(operationId, party == null ? "" : party, new SseClient(ctx)));
    }

    /** Keeps {@code client} open and sends it the operation's current tallies. */
    private void join(String operationId, String party, SseClient client) {
        client.keepAlive();
        Map<SseClient, String> audience = clients.computeIfAbsent(operationId, id -> new ConcurrentHashMap<>());
        audience.put(client, party);
        client.onClose(() -> audience.remove(client));
        sendTo(client, operationId, tallies(operationId, party));
    }

    private void sendChanged() {
        for (String operationId : Set.copyOf(changed)) {
            changed.remove(operationId);
            send(operationId);
        }
    }

    private void send(String operationId) {
        Map<SseClient, String> audience = clients.get(operationId);
        if (audience == null || audience.isEmpty()) {
            return;
        }
        Map<String, String> events = new java.util.HashMap<>();
        audience.forEach((client, party) ->
                sendTo(client, operationId, events.computeIfAbsent(party, p -> tallies(operationId, p))));
    }

    private void keepAlive() {
        clients.values().forEach(audience -> audience.keySet().forEach(client -> {
            client.sendComment("keep-alive");
            dropIfGone(audience, client);
        }));
    }

    private void sendTo(SseClient client, String operationId, String event) {
        client.sendEvent("tallies", event, Long.toString(service.version(operationId)));
        dropIfGone(clients.getOrDefault(operationId, Map.of()), client);
    }

    private static void dropIfGone(Map<SseClient, String> audience, SseClient client) {
        if (client.terminated()) {
            audience.remove(client);
        }
    }

    /** The tallies event for a party's view, or the whole operation's when {@code party} is "". */
    private String tallies(String operationId, String party) {
        try {
            return json.writeValueAsString(
                    party.isEmpty()
                            ? service.tallies(operationId, null)
                            : PartyView.tallies(service, operationId, party, null, false));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tallies could not be written as JSON", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        clients.values().forEach(audience -> audience.keySet().forEach(SseClient::close));
        clients.clear();
    }
}

package org.corridor.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import org.corridor.access.Access;
import org.corridor.service.CorridorService;
import org.corridor.service.TransparencyLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: every route of CONTRACT §4 and §6 over one {@link CorridorService} and its log. */
public final class CorridorServer implements AutoCloseable {
    /** The largest request body accepted; larger ones are refused with 413. */
    public static final long MAX_BODY_BYTES = 8_000_000L;

    private static final Logger REQUESTS = LoggerFactory.getLogger("org.corridor.http.requests");

    private final Javalin app;
    private final TallyStream stream;

    private CorridorServer(Javalin app, TallyStream stream) {
        this.app = app;
        this.stream = stream;
    }

    /**
     * Starts serving on {@code host}:{@code port} (port 0: any free port), every route but health behind
     * {@code access} (CONTRACT §8), with each operation's Merkle log served from {@code log} (§6).
     */
    public static CorridorServer start(
            CorridorService service, Access access, TransparencyLog log, String host, int port) {
        ObjectMapper json = JsonMapper.builder().build();
        ProblemResponses problems = new ProblemResponses(json, MAX_BODY_BYTES);
        TallyStream stream = new TallyStream(service, json);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(json, false));
            config.requestLogger.http(CorridorServer::logRequest);
            WebPages.register(config);
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
        });
        SecurityHeaders.register(app, access.settings());
        new AccessGuard(access, service).register(app);
        app.before("/api/*", ctx -> ctx.header("Cache-Control", "no-store"));
        app.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
        new OperationRoutes(service, json).register(app);
        new ObservationRoutes(service, json, problems).register(app);
        new TallyRoutes(service, json).register(app);
        new LogRoutes(service, log).register(app);
        new ClaimRoutes(service).register(app);
        new PersonsRoutes(service, access).register(app);
        new AccessRoutes(access, json).register(app);
        app.get("/api/operations/{op}/stream", ctx -> {
            service.operation(ctx.pathParam("op"));
            if (!EventStreamAccept.allows(ctx.header("Accept"))) {
                problems.send(ctx, problems.notAcceptable());
                return;
            }
            stream.open(ctx);
        });
        app.exception(Exception.class, problems::handle);
        app.exception(HttpResponseException.class, problems::handle);
        app.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith(ProblemResponses.PROBLEM_JSON)) {
                problems.send(ctx, problems.notFoundRoute(ctx));
            }
        });
        app.start(host, port);
        return new CorridorServer(app, stream);
    }

    /** Every route it serves, as {@code METHOD /path/{template}}. */
    List<String> routes() {
        return RouteRules.routes(app);
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    private static void logRequest(Context ctx, Float millis) {
        REQUESTS.atInfo()
                .addKeyValue("method", ctx.method().name())
                .addKeyValue("path", ctx.path())
                .addKeyValue("status", ctx.status().getCode())
                .addKeyValue("ms", Math.round(millis))
                .log("request");
    }

    /** Stops accepting requests, lets running ones finish, and closes the event streams. */
    @Override
    public void close() {
        stream.close();
        app.stop();
    }
}

package org.corridor.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corridor.service.CorridorService;
import org.corridor.service.TransparencyLog;

/** Each operation's Merkle log: the server's verifier key, signed checkpoints, inclusion and consistency proofs. */
final class LogRoutes {
    private static final String TEXT = "text/plain; charset=utf-8";

    private final CorridorService service;
    private final TransparencyLog log;

    LogRoutes(CorridorService service, TransparencyLog log) {
        this.service = service;
        this.log = log;
    }

    void register(Javalin app) {
        app.get("/api/log/key", ctx -> ctx.contentType(TEXT).result(log.verifierKey() + "\n"));
        app.get("/api/operations/{op}/log/checkpoint", this::checkpoint);
        app.get("/api/operations/{op}/log/inclusion", this::inclusion);
        app.get("/api/operations/{op}/log/consistency", this::consistency);
    }

    private void checkpoint(Context ctx) {
        ctx.contentType(TEXT).result(log.checkpoint(operation(ctx)));
    }

    private void inclusion(Context ctx) {
        String operationId = operation(ctx);
        long index = Params.requiredNumber(ctx, "index", 0, Long.MAX_VALUE);
        long size = Params.number(ctx, "size", log.size(operationId), 0, Long.MAX_VALUE);
        TransparencyLog.Inclusion inclusion = log.inclusion(operationId, index, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("index", inclusion.index());
        body.put("size", inclusion.size());
        body.put("leafHash", base64(inclusion.leafHash()));
        body.put("proof", base64(inclusion.proof()));
        ctx.json(body);
    }

    private void consistency(Context ctx) {
        String operationId = operation(ctx);
        long from = Params.requiredNumber(ctx, "from", 0, Long.MAX_VALUE);
        long to = Params.number(ctx, "to", log.size(operationId), 0, Long.MAX_VALUE);
        TransparencyLog.Consistency consistency = log.consistency(operationId, from, to);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", consistency.from());
        body.put("to", consistency.to());
        body.put("proof", base64(consistency.proof()));
        ctx.json(body);
    }

    /** The operation's id, once it is known to exist. */
    private String operation(Context ctx) {
        return service.operation(ctx.pathParam("op")).id();
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(LogRoutes::base64).toList();
    }
}

package org.corridor.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.corridor.service.CorridorService;

/** The numbers: tallies and the convoy board, now or as of a moment. */
final class TallyRoutes {
    private final CorridorService service;

    TallyRoutes(CorridorService service) {
        this.service = service;
    }

    void register(Javalin app) {
        app.get("/api/operations/{op}/tallies", this::tallies);
        app.get("/api/operations/{op}/convoys", this::convoys);
    }

    private void tallies(Context ctx) {
        String operationId = ctx.pathParam("op");
        ctx.json(service.tallies(operationId, Params.time(ctx, "asOf")));
    }

    private void convoys(Context ctx) {
        String operationId = ctx.pathParam("op");
        ctx.json(service.convoys(operationId, Params.time(ctx, "asOf")));
    }
}

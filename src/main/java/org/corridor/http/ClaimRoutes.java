package org.corridor.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.corridor.service.ClaimsDesk;
import org.corridor.service.CorridorService;

/** Reports and their claims beside the verified figures (CONTRACT §7). */
final class ClaimRoutes {
    private final ClaimsDesk desk;

    ClaimRoutes(CorridorService service) {
        this.desk = new ClaimsDesk(service);
    }

    void register(Javalin app) {
        app.post("/api/operations/{op}/reports", this::submit);
        app.get("/api/operations/{op}/claims", this::claims);
    }

    private void submit(Context ctx) {
        ctx.status(201).json(desk.submit(ctx.pathParam("op"), CorridorService.parseJson(ctx.bodyAsBytes())));
    }

    private void claims(Context ctx) {
        ctx.json(desk.claims(ctx.pathParam("op")));
    }
}

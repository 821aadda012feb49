package org.corridor.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import org.corridor.core.MalformedInputException;
import org.corridor.service.CorridorService;
import org.corridor.tally.ConvoyRow;
import org.corridor.tally.ConvoyView;

/**
 * The numbers: tallies and the convoy board, now or as of a moment, of every observation or ({@code ?signed=only})
 * of the signed observations alone.
 */
final class TallyRoutes {
    private final CorridorService service;
    private final ObjectMapper json;

    TallyRoutes(CorridorService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    void register(Javalin app) {
        app.get("/api/operations/{op}/tallies", this::tallies);
        app.get("/api/operations/{op}/convoys", this::convoys);
    }

    private void tallies(Context ctx) {
        String operationId = ctx.pathParam("op");
        Instant asOf = Params.time(ctx, "asOf");
        if (signedOnly(ctx)) {
            ObjectNode tallies = json.valueToTree(service.signedTallies(operationId, asOf));
            ctx.json(tallies.put("signedOnly", true));
        } else {
            ctx.json(service.tallies(operationId, asOf));
        }
    }

    /** Each convoy with {@code signed}: whether its figures rest on signed observations alone. */
    private void convoys(Context ctx) {
        String operationId = ctx.pathParam("op");
        Instant asOf = Params.time(ctx, "asOf");
        ArrayNode board = json.createArrayNode();
        if (signedOnly(ctx)) {
            for (ConvoyView convoy : service.signedConvoys(operationId, asOf)) {
                board.add(row(convoy, true));
            }
        } else {
            for (ConvoyRow row : service.convoyBoard(operationId, asOf)) {
                board.add(row(row.convoy(), row.signed()));
            }
        }
        ctx.json(board);
    }

    private ObjectNode row(ConvoyView convoy, boolean signed) {
        ObjectNode row = json.valueToTree(convoy);
        return row.put("signed", signed);
    }

    private static boolean signedOnly(Context ctx) {
        String signed = ctx.queryParam("signed");
        if (signed == null || signed.isEmpty() || signed.equals("all")) {
            return false;
        }
        if (signed.equals("only")) {
            return true;
        }
        throw new MalformedInputException(
                "signed", "must be 'only' (the figures of signed observations alone) or 'all' (the default)");
    }
}

package org.corridor.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.corridor.core.MalformedInputException;
import org.corridor.service.CorridorService;
import org.corridor.tally.ConvoyRow;
import org.corridor.tally.ConvoyView;

/**
 * The numbers: tallies and the convoy board, now or as of a moment, of every observation or ({@code ?signed=only})
 * of the signed observations alone; a liaison gets its party's view ({@link PartyView}).
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
        String party = PartyView.talliesPartyOf(AccessGuard.principal(ctx), service.operation(operationId));
        if (party != null) {
            boolean signed = signedOnly(ctx);
            ObjectNode tallies = json.valueToTree(PartyView.tallies(service, operationId, party, asOf, signed));
            ctx.json(signed ? tallies.put("signedOnly", true) : tallies);
        } else if (signedOnly(ctx)) {
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
        String party = PartyView.partyOf(AccessGuard.principal(ctx));
        Set<String> movements = party == null ? null : PartyView.movements(service.operation(operationId), party);
        if (signedOnly(ctx)) {
            List<ConvoyView> convoys = service.signedConvoys(operationId, asOf);
            for (ConvoyView convoy : movements == null ? convoys : PartyView.convoys(convoys, movements)) {
                board.add(row(convoy, true));
            }
        } else {
            List<ConvoyRow> rows = service.convoyBoard(operationId, asOf);
            for (ConvoyRow row : movements == null ? rows : PartyView.board(rows, movements)) {
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

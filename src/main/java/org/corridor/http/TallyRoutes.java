package org.corridor.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.corridor.core.MalformedInputException;
import org.corridor.service.CorridorService;
import org.corridor.tally.ConvoyRow;
import org.corridor.tally.ConvoyView;
import org.corridor.tally.MovementTally;
import org.corridor.tally.Tallies;
import org.corridor.tally.TimeSpan;

/**
 * The numbers: tallies and the convoy board, now or as of a moment, of every observation or ({@code ?signed=only})
 * of the signed observations alone; a liaison gets its party's view ({@link PartyView}).
 */
final class TallyRoutes {
    static final int MAX_POINTS = 1_000;
    static final int AUTOMATIC_POINTS = 240;
    private static final Duration MIN_STEP = Duration.ofMinutes(1);

    private final CorridorService service;
    private final ObjectMapper json;
    private final java.util.Map<String, CachedSeries> seriesCache = new java.util.concurrent.ConcurrentHashMap<>();

    TallyRoutes(CorridorService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    void register(Javalin app) {
        app.get("/api/operations/{op}/tallies", this::tallies);
        app.get("/api/operations/{op}/convoys", this::convoys);
        app.get("/api/operations/{op}/tallies/series", this::series);
    }

    /**
     * The tallies at regular steps over the span of the operation's observations (or {@code from}..{@code to}): the
     * same tallies as {@code ?asOf=T} at each point, for charts. Each point holds the headline figures and each
     * movement's evacuated count; the last point is {@code to} itself. Without {@code step}, an hour or as many whole
     * hours as keep the series within {@link #AUTOMATIC_POINTS} points.
     */
    private void series(Context ctx) {
        String operationId = ctx.pathParam("op");
        // The points hold counts only, which change only with the observations: an answer stays right while the
        // operation's version does, so dashboards open together share one computation.
        long version = service.version(operationId);
        // A liaison's series is its party's view (PartyView), as its tallies are: kept apart in the cache.
        String party = PartyView.talliesPartyOf(AccessGuard.principal(ctx), service.operation(operationId));
        String key = operationId + "?" + ctx.queryString() + (party == null ? "" : "#" + party);
        CachedSeries cached = seriesCache.get(key);
        if (cached != null && cached.version() == version) {
            ctx.contentType("application/json").result(cached.body());
            return;
        }
        ObjectNode body = computeSeries(ctx, operationId, party);
        String text = body.toString();
        if (seriesCache.size() >= 64) {
            seriesCache.clear();
        }
        seriesCache.put(key, new CachedSeries(version, text));
        ctx.contentType("application/json").result(text);
    }

    private record CachedSeries(long version, String body) {}

    private ObjectNode computeSeries(Context ctx, String operationId, String party) {
        Duration asked = step(ctx);
        boolean signed = signedOnly(ctx);
        Instant from = Params.time(ctx, "from");
        Instant to = Params.time(ctx, "to");
        Optional<TimeSpan> span = service.span(operationId);
        ObjectNode body = json.createObjectNode();
        body.put("operation", operationId);
        if (from == null) {
            from = span.map(TimeSpan::first).orElse(null);
        }
        if (to == null) {
            to = span.map(TimeSpan::last).orElse(null);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new MalformedInputException("to", "must not be before from");
        }
        Duration step = asked != null ? asked : automaticStep(from, to);
        body.put("step", step.toString());
        ArrayNode points = body.putArray("points");
        if (from == null || to == null) {
            return body;
        }
        long count = Duration.between(from, to).dividedBy(step) + 1;
        if (count + 1 > MAX_POINTS) {
            throw new MalformedInputException(
                    "step", "is too small for the span: at most " + MAX_POINTS + " points; take a longer step");
        }
        for (Instant at = from; ; at = at.plus(step)) {
            Instant point = at.isAfter(to) ? to : at;
            Tallies tallies = party != null
                    ? PartyView.tallies(service, operationId, party, point, signed)
                    : signed ? service.signedTallies(operationId, point) : service.tallies(operationId, point);
            ObjectNode row = points.addObject();
            row.put("asOf", tallies.asOf());
            row.put("evacuated", tallies.evacuated())
                    .put("departed", tallies.departed())
                    .put("inTransit", tallies.inTransit())
                    .put("detained", tallies.detained())
                    .put("unaccounted", tallies.unaccounted());
            ObjectNode movements = row.putObject("movements");
            for (MovementTally movement : tallies.movements()) {
                movements.put(movement.id(), movement.evacuated());
            }
            if (!point.isBefore(to)) {
                break;
            }
        }
        body.set("from", points.get(0).get("asOf"));
        body.set("to", points.get(points.size() - 1).get("asOf"));
        return body;
    }

    /** Without {@code step}: an hour, or whole hours enough to keep the span within {@link #AUTOMATIC_POINTS}. */
    private static Duration automaticStep(Instant from, Instant to) {
        if (from == null || to == null) {
            return Duration.ofHours(1);
        }
        long hours = Duration.between(from, to).toHours() / AUTOMATIC_POINTS + 1;
        return Duration.ofHours(hours);
    }

    /** The step asked for, or null when none is. */
    private static Duration step(Context ctx) {
        String text = ctx.queryParam("step");
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            Duration step = Duration.parse(text);
            if (step.compareTo(MIN_STEP) >= 0) {
                return step;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // refused below
        }
        throw new MalformedInputException("step", "must be an ISO-8601 duration of at least one minute, e.g. PT1H");
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

package org.corridor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import org.corridor.ledger.StoredEntry;
import org.corridor.service.CorridorService;
import org.corridor.service.ItemResult;

/** Recording observations, one or a batch, and reading the feed of stored ones. */
final class ObservationRoutes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    private static final String PARSED_BODY = "corridor.observations";

    private final CorridorService service;
    private final ObjectMapper json;
    private final ProblemResponses problems;

    ObservationRoutes(CorridorService service, ObjectMapper json, ProblemResponses problems) {
        this.service = service;
        this.json = json;
        this.problems = problems;
    }

    void register(Javalin app) {
        app.post("/api/operations/{op}/observations", this::record);
        app.get("/api/operations/{op}/observations", this::feed);
    }

    private void record(Context ctx) {
        String operationId = ctx.pathParam("op");
        service.operation(operationId);
        JsonNode body = body(ctx);
        if (body instanceof ArrayNode batch) {
            List<ItemResult> results = service.recordBatch(operationId, batch);
            ObjectNode response = json.createObjectNode();
            ArrayNode list = response.putArray("results");
            results.forEach(result -> list.add(item(result)));
            ctx.json(response);
        } else {
            ItemResult result = service.record(operationId, body);
            ObjectNode response = json.createObjectNode();
            response.put("id", result.id())
                    .put("status", result.status().wireName())
                    .put("seq", result.seq());
            ctx.status(result.status() == ItemResult.Status.CREATED ? 201 : 200).json(response);
        }
    }

    /**
     * The posted observations as a JSON tree, parsed once per request: the access guard reads it first (whether it
     * holds corrections), then {@link #record}.
     */
    static JsonNode body(Context ctx) {
        JsonNode body = ctx.attribute(PARSED_BODY);
        if (body == null) {
            body = CorridorService.parseJson(ctx.bodyAsBytes());
            ctx.attribute(PARSED_BODY, body);
        }
        return body;
    }

    private ObjectNode item(ItemResult result) {
        ObjectNode item = json.createObjectNode();
        item.put("id", result.id());
        item.put("status", result.status().wireName());
        if (result.seq() != null) {
            item.put("seq", result.seq());
        }
        switch (result.status()) {
            case CREATED, DUPLICATE -> {}
            case CONFLICT ->
                item.set(
                        "problem",
                        problems.problem(
                                409,
                                "conflict",
                                "The request conflicts with what is stored",
                                result.detail(),
                                result.problems()));
            case INVALID ->
                item.set(
                        "problem",
                        problems.problem(
                                422, "invalid-input", "The input was refused", summary(result), result.problems()));
        }
        return item;
    }

    private static String summary(ItemResult result) {
        return String.join(
                "; ", result.problems().stream().map(Object::toString).toList());
    }

    private void feed(Context ctx) {
        String operationId = ctx.pathParam("op");
        long after = Params.number(ctx, "after", 0, 0, Long.MAX_VALUE);
        int limit = (int) Params.number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        ArrayNode list = json.createArrayNode();
        for (StoredEntry entry : service.observations(operationId, after, limit)) {
            JsonNode stored = CorridorService.parseJson(entry.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ObjectNode item = list.addObject();
            item.put("seq", entry.seq());
            item.setAll((ObjectNode) stored);
            // A stored signature was verified before the observation was stored (observation.Signatures), so
            // presence means "carried a signature that verified when accepted".
            item.put("signed", stored.hasNonNull("signature"));
        }
        ctx.json(list);
    }
}

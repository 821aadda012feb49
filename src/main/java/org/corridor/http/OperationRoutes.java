package org.corridor.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Locale;
import org.corridor.access.Policy;
import org.corridor.access.Principal;
import org.corridor.access.Rule;
import org.corridor.core.ConflictException;
import org.corridor.core.MalformedInputException;
import org.corridor.ledger.DefinitionChange;
import org.corridor.operation.OperationWriter;
import org.corridor.service.CorridorService;
import org.corridor.service.DefinitionResult;
import org.corridor.service.OperationSummary;

/** Listing (those the caller may see), defining (those it coordinates) and reading operations. */
final class OperationRoutes {
    static final String CURL_DATA_HINT =
            "; it came as a form, which loses line breaks (curl -d): send the file as it is,"
                    + " with curl --data-binary @FILE -H 'Content-Type: application/yaml'";

    private final CorridorService service;
    private final ObjectMapper json;

    OperationRoutes(CorridorService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    void register(Javalin app) {
        app.get("/api/operations", this::list);
        app.post("/api/operations", this::define);
        app.get("/api/operations/{op}", this::get);
    }

    private void list(Context ctx) {
        ArrayNode list = json.createArrayNode();
        Principal principal = AccessGuard.principal(ctx);
        for (OperationSummary summary : service.operations()) {
            if (!Policy.allows(Rule.READ_TALLIES, principal, summary.id(), service.operation(summary.id()))) {
                continue;
            }
            list.addObject().put("id", summary.id()).set("name", OperationWriter.name(summary.name()));
        }
        ctx.json(list);
    }

    private void define(Context ctx) {
        DefinitionResult result;
        try {
            Principal principal = AccessGuard.principal(ctx);
            result = service.defineOperation(
                    ctx.bodyAsBytes(),
                    ctx.contentType(),
                    operationId -> Policy.require(Rule.DEFINE_OPERATION, principal, operationId, null));
        } catch (MalformedInputException e) {
            throw formPosted(ctx) ? new MalformedInputException("", e.getMessage() + CURL_DATA_HINT) : e;
        } catch (ConflictException e) {
            throw new ConflictException(
                    e.getMessage() + "; keep those ids in the new definition, since stored observations never change",
                    e.problems());
        }
        ObjectNode body = json.createObjectNode();
        body.put("id", result.operationId());
        body.put("result", result.change().name().toLowerCase(Locale.ROOT));
        body.set("operation", result.definition());
        ctx.header("Location", "/api/operations/" + result.operationId());
        ctx.status(result.change() == DefinitionChange.CREATED ? 201 : 200).json(body);
    }

    /** {@code curl -d @file} sends the file as a form, without its line breaks: YAML cannot survive that. */
    private static boolean formPosted(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private void get(Context ctx) {
        ctx.json(service.definition(ctx.pathParam("op")));
    }
}

package org.corridor.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.corridor.core.ConflictException;
import org.corridor.core.FieldProblem;
import org.corridor.core.ForbiddenException;
import org.corridor.core.IntegrityException;
import org.corridor.core.InvalidInputException;
import org.corridor.core.MalformedInputException;
import org.corridor.core.NotFoundException;
import org.corridor.core.SealedDataException;
import org.corridor.core.StorageException;
import org.corridor.core.TooLargeException;
import org.corridor.core.TooManyRequestsException;
import org.corridor.core.UnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns a failure into an HTTP status and an RFC 9457 problem+json body. */
final class ProblemResponses {
    static final String PROBLEM_JSON = "application/problem+json";

    /** What to do after asking for an operation that does not exist (the only thing looked up by id). */
    static final String NEXT_STEP =
            "; GET /api/operations lists the operations there are, and POST /api/operations defines one";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper json;
    private final long maxBodyBytes;

    ProblemResponses(ObjectMapper json, long maxBodyBytes) {
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The response for any exception a handler let through. */
    void handle(Exception failure, Context ctx) {
        ObjectNode problem = problemFor(failure, ctx);
        switch (failure) {
            case StorageException e -> ctx.header("Retry-After", "1");
            case TooManyRequestsException e -> ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            case UnauthorizedException e -> ctx.header("WWW-Authenticate", "Bearer realm=\"corridor\"");
            default -> {}
        }
        send(ctx, problem);
    }

    /** The problem describing {@code failure}; unexpected failures are logged and described without internals. */
    ObjectNode problemFor(Exception failure, Context ctx) {
        return switch (failure) {
            case MalformedInputException e ->
                problem(400, "malformed-request", "The request could not be read", e.getMessage(), e.problems());
            case InvalidInputException e ->
                problem(422, "invalid-input", "The input was refused", summary(e.problems()), e.problems());
            case ConflictException e ->
                problem(409, "conflict", "The request conflicts with what is stored", e.getMessage(), e.problems());
            case NotFoundException e -> problem(404, "not-found", "Not found", e.getMessage() + NEXT_STEP, List.of());
            case TooLargeException e ->
                problem(413, "batch-too-large", "The batch is too large", e.getMessage(), List.of());
            case UnauthorizedException e ->
                problem(401, "unauthorized", "Credentials are required", e.getMessage(), List.of());
            case ForbiddenException e -> problem(403, "forbidden", "Not allowed", e.getMessage(), List.of());
            case TooManyRequestsException e ->
                problem(429, "too-many-requests", "Too many requests", e.getMessage(), List.of());
            case StorageException e -> {
                LOG.error("storage failed", e);
                yield problem(
                        503,
                        "storage-unavailable",
                        "The store is unavailable",
                        "the store could not complete the request and nothing from it was stored; retry it shortly",
                        List.of());
            }
            case IntegrityException e -> {
                LOG.error("the stored log disagrees with what was signed: {}", e.getMessage());
                yield problem(
                        500, "log-inconsistent", "The log disagrees with what was signed", e.getMessage(), List.of());
            }
            case SealedDataException e -> {
                // The message names the observation and the keys' fingerprints; it holds nothing of the content.
                LOG.error("personal data could not be opened: {}", e.getMessage());
                yield problem(
                        500,
                        "personal-data-unreadable",
                        "The personal data cannot be opened",
                        e.getMessage(),
                        List.of());
            }
            case HttpResponseException e -> framework(e, ctx);
            default -> {
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), failure);
                yield problem(
                        500,
                        "internal-error",
                        "Internal error",
                        "the server failed unexpectedly; the failure was logged",
                        List.of());
            }
        };
    }

    private ObjectNode framework(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 413 ->
                problem(
                        413,
                        "body-too-large",
                        "The request body is too large",
                        "the body is larger than the limit of " + maxBodyBytes / 1_000_000
                                + " MB; send less at once (observations in batches of at most 1,000)",
                        List.of());
            case 404 -> notFoundRoute(ctx);
            case 405 -> methodNotAllowed(e, ctx);
            default -> problem(e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage(), List.of());
        };
    }

    /** A known path asked with a method it does not serve: which methods it does serve, also in {@code Allow}. */
    private ObjectNode methodNotAllowed(HttpResponseException e, Context ctx) {
        String allowed = e.getDetails().getOrDefault("availableMethods", "");
        if (!allowed.isEmpty()) {
            ctx.header("Allow", allowed);
        }
        return problem(
                405,
                "method-not-allowed",
                "Method not allowed",
                ctx.method() + " is not served at " + ctx.path() + (allowed.isEmpty() ? "" : "; it serves " + allowed),
                List.of());
    }

    ObjectNode notFoundRoute(Context ctx) {
        return problem(
                404, "not-found", "Not found", "there is no resource at " + ctx.method() + " " + ctx.path(), List.of());
    }

    ObjectNode notAcceptable() {
        return problem(
                406,
                "not-acceptable",
                "Not acceptable",
                "this is a stream of server-sent events: send the header Accept: text/event-stream (or none)",
                List.of());
    }

    void send(Context ctx, ObjectNode problem) {
        ctx.status(problem.get("status").intValue());
        ctx.contentType(PROBLEM_JSON);
        ctx.result(problem.toString());
    }

    ObjectNode problem(int status, String type, String title, String detail, List<FieldProblem> errors) {
        ObjectNode problem = json.createObjectNode();
        problem.put("type", "/problems/" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        ArrayNode list = problem.putArray("errors");
        for (FieldProblem error : errors) {
            list.addObject().put("field", error.field()).put("message", error.message());
        }
        return problem;
    }

    private static String summary(List<FieldProblem> problems) {
        StringBuilder text = new StringBuilder();
        for (FieldProblem problem : problems) {
            text.append(text.isEmpty() ? "" : "; ").append(problem);
        }
        return text.isEmpty() ? "the input was refused" : text.toString();
    }
}

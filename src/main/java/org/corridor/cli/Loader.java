package org.corridor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.corridor.core.ConflictException;
import org.corridor.core.FieldProblem;
import org.corridor.core.InvalidInputException;
import org.corridor.core.MalformedInputException;
import org.corridor.service.CorridorService;
import org.corridor.service.DefinitionResult;
import org.corridor.service.ItemResult;

/** Stores a definition and a file of observations (one JSON object a line), printing one result per line. */
final class Loader {
    /** Lines stored per ledger transaction. */
    private static final int CHUNK = 500;

    private final CorridorService service;
    private final PrintWriter out;
    private final Progress progress;

    Loader(CorridorService service, PrintWriter out, Progress progress) {
        this.service = service;
        this.out = out;
        this.progress = progress;
    }

    /** The definition's id, or null after printing its problems (nothing stored). */
    String define(byte[] file, String contentType) {
        try {
            DefinitionResult result = service.defineOperation(file, contentType);
            out.println("operation " + result.operationId() + ": "
                    + result.change().name().toLowerCase(java.util.Locale.ROOT));
            return result.operationId();
        } catch (InvalidInputException e) {
            out.println("operation file refused; nothing was stored:");
            e.problems().forEach(problem -> out.println("  " + problem));
        } catch (MalformedInputException e) {
            out.println("operation file refused; nothing was stored:");
            e.problems().forEach(problem -> out.println("  " + problem));
        } catch (ConflictException e) {
            out.println("operation file refused; nothing was stored: " + e.getMessage());
            out.println("  keep those ids in the definition: stored observations use them and never change");
        }
        return null;
    }

    /** Records every line; the counts of what happened. */
    Summary observations(String operationId, BufferedReader lines) throws IOException {
        Summary summary = new Summary();
        List<Integer> numbers = new ArrayList<>();
        ArrayNode chunk = JsonNodeFactory.instance.arrayNode();
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            progress.advance(line.length() + 1L);
            if (line.isBlank()) {
                continue;
            }
            JsonNode tree = readLine(line);
            if (tree == null) {
                record(operationId, numbers, chunk, summary);
                invalid(number, unreadable(line), summary);
            } else {
                numbers.add(number);
                chunk.add(tree);
                if (chunk.size() == CHUNK) {
                    record(operationId, numbers, chunk, summary);
                }
            }
        }
        record(operationId, numbers, chunk, summary);
        progress.done();
        out.println(summary);
        return summary;
    }

    /** The line's observation object, or null when the line is not one. */
    private static JsonNode readLine(String line) {
        try {
            JsonNode tree = CorridorService.parseJson(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return tree.isObject() ? tree : null;
        } catch (MalformedInputException e) {
            return null;
        }
    }

    /** Why a line that is not an observation object was refused. */
    private static String unreadable(String line) {
        try {
            CorridorService.parseJson(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "each line must hold one observation, a JSON object";
        } catch (MalformedInputException e) {
            // The parser saw the line alone as "line 1"; the result line already names the file's line.
            return "malformed JSON: "
                    + e.problems().getFirst().message().replaceFirst(" at line 1, column ", " at column ");
        }
    }

    private void record(String operationId, List<Integer> numbers, ArrayNode chunk, Summary summary) {
        if (chunk.isEmpty()) {
            return;
        }
        List<ItemResult> results = service.recordBatch(operationId, chunk);
        for (int i = 0; i < results.size(); i++) {
            ItemResult result = results.get(i);
            int number = numbers.get(i);
            summary.count(result.status());
            out.println("line " + number + ": "
                    + switch (result.status()) {
                        case CREATED -> "created seq " + result.seq();
                        case DUPLICATE -> "duplicate seq " + result.seq();
                        case CONFLICT -> "conflict: " + result.detail();
                        case INVALID -> "invalid: " + describe(result.problems());
                    });
        }
        numbers.clear();
        chunk.removeAll();
    }

    private void invalid(int number, String why, Summary summary) {
        summary.count(ItemResult.Status.INVALID);
        out.println("line " + number + ": invalid: " + why);
    }

    private static String describe(List<FieldProblem> problems) {
        return String.join("; ", problems.stream().map(FieldProblem::toString).toList());
    }

    /** How many lines were created, found duplicate, conflicting or invalid. */
    static final class Summary {
        int created;
        int duplicate;
        int conflict;
        int invalid;

        void count(ItemResult.Status status) {
            switch (status) {
                case CREATED -> created++;
                case DUPLICATE -> duplicate++;
                case CONFLICT -> conflict++;
                case INVALID -> invalid++;
            }
        }

        boolean allAccepted() {
            return conflict == 0 && invalid == 0;
        }

        @Override
        public String toString() {
            int total = created + duplicate + conflict + invalid;
            return total + " observations: " + created + " created, " + duplicate + " duplicate, " + conflict
                    + " conflict, " + invalid + " invalid";
        }
    }
}

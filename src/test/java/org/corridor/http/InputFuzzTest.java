package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.corridor.TestAccess;
import org.corridor.access.AccessSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated inputs on every body and query surface, 10,000 each: observations (single and in batches), operation
 * definitions (JSON and YAML), reports, and query parameters. None may cause a server error; a refused input changes
 * nothing (the ledger grows by exactly what the server says it created); the server still answers afterwards.
 */
class InputFuzzTest {
    private static final int INPUTS = 10_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String YAML_PUNCTUATION = "{}[]:,-\"' \n#&*!|>";
    private static final String[] OBSERVATION_FIELDS = {
        "id",
        "type",
        "operation",
        "at",
        "monitor",
        "site",
        "convoy",
        "movement",
        "people",
        "vehicles",
        "note",
        "signature",
        "reason",
        "refersTo",
        "to",
        "by",
        "category",
        "severity",
        "description"
    };

    @TempDir
    static Path directory;

    static RunningServer api;

    @BeforeAll
    static void start() {
        api = RunningServer.start(
                directory, AccessSettings.defaults(TestAccess.ADMIN_TOKEN).withRate(1e9, 1_000_000_000));
        api.defineTestOperation();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void observations_generated_neverFailTheServer_andChangeOnlyWhatTheyCreate() {
        Random random = new Random(6962L);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            long before = api.service.size("test-op");
            boolean batch = random.nextInt(4) == 0;
            JsonNode body = batch ? batch(random) : observation(random);
            HttpResponse<String> response = api.postJson("/api/operations/test-op/observations", body.toString());
            long created = created(response, batch);
            if (response.statusCode() >= 500 || api.service.size("test-op") != before + created) {
                failures.add(response.statusCode() + " " + body);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(api.get("/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void definitionsAndReports_generated_neverFailTheServer() {
        Random random = new Random(8785L);
        String valid = RunningServer.fixture("test-op.yaml");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            HttpResponse<String> response =
                    switch (i % 3) {
                        case 0 -> api.post("/api/operations", "application/yaml", mutateText(random, valid));
                        case 1 ->
                            api.postJson("/api/operations", json(random, 3).toString());
                        default ->
                            api.postJson(
                                    "/api/operations/test-op/reports",
                                    report(random).toString());
                    };
            if (response.statusCode() >= 500) {
                failures.add(response.statusCode() + " " + response.body());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(RunningServer.json(api.get("/api/operations/test-op"))
                        .get("id")
                        .asText())
                .isEqualTo("test-op");
    }

    @Test
    void queryParameters_generated_neverFailTheServer() {
        Random random = new Random(9457L);
        String[] paths = {
            "/api/operations/test-op/tallies?asOf=",
            "/api/operations/test-op/convoys?asOf=",
            "/api/operations/test-op/observations?limit=5&after=",
            "/api/operations/test-op/observations?after=0&limit=",
            "/api/operations/test-op/log/inclusion?index=",
            "/api/operations/test-op/log/consistency?from=",
            "/api/operations/test-op/tallies?signed=",
            "/api/operations/test-op/tallies/series?step=",
            "/api/operations/test-op/tallies/series?step=PT1H&from=",
            "/api/operations/test-op/tallies/series?to=",
            "/api/operations/test-op/observations/" + UUID.randomUUID() + "/persons?x=",
        };
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            String value = random.nextBoolean() ? randomText(random, random.nextInt(30)) : number(random);
            String path = paths[random.nextInt(paths.length)] + URLEncoder.encode(value, StandardCharsets.UTF_8);
            HttpResponse<String> response = api.get(path);
            if (response.statusCode() >= 500) {
                failures.add(response.statusCode() + " " + path);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static long created(HttpResponse<String> response, boolean batch) {
        if (!batch) {
            return response.statusCode() == 201 ? 1 : 0;
        }
        if (response.statusCode() != 200) {
            return 0;
        }
        long created = 0;
        for (JsonNode result : RunningServer.json(response).get("results")) {
            created += result.get("status").asText().equals("created") ? 1 : 0;
        }
        return created;
    }

    private static ArrayNode batch(Random random) {
        ArrayNode batch = NODES.arrayNode();
        for (int i = random.nextInt(6); i >= 0; i--) {
            batch.add(random.nextInt(10) == 0 ? json(random, 2) : observation(random));
        }
        return batch;
    }

    /** A valid departure with up to three fields changed, removed or added, or occasionally left valid. */
    private static JsonNode observation(Random random) {
        ObjectNode observation = Observations.departure("f" + random.nextInt(50), random.nextInt(100));
        observation.put("id", UUID.randomUUID().toString());
        if (random.nextInt(4) == 0) {
            observation.set("persons", persons(random));
        }
        for (int change = random.nextInt(4); change > 0; change--) {
            String field = OBSERVATION_FIELDS[random.nextInt(OBSERVATION_FIELDS.length)];
            switch (random.nextInt(3)) {
                case 0 -> observation.remove(field);
                case 1 -> observation.set(field, json(random, 1));
                default -> observation.put(field, randomText(random, random.nextInt(40)));
            }
        }
        return observation;
    }

    private static ObjectNode report(Random random) {
        ObjectNode report = NODES.objectNode();
        report.put("text", randomText(random, random.nextInt(200)) + " " + number(random) + " people were evacuated");
        report.put("publishedAt", random.nextBoolean() ? "2016-12-19T14:00:00+02:00" : randomText(random, 10));
        if (random.nextBoolean()) {
            report.set(random.nextBoolean() ? "language" : "source", json(random, 1));
        }
        return report;
    }

    /** Personal data beside an observation: mostly well formed, with fields and values mutated. */
    private static JsonNode persons(Random random) {
        if (random.nextInt(5) == 0) {
            return json(random, 2);
        }
        ObjectNode persons = NODES.objectNode();
        byte[] salt = new byte[random.nextInt(4) == 0 ? random.nextInt(80) : 16];
        random.nextBytes(salt);
        persons.put("salt", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(salt));
        ArrayNode list = persons.putArray("list");
        for (int i = random.nextInt(4); i >= 0; i--) {
            ObjectNode person = list.addObject().put("name", randomText(random, random.nextInt(30)));
            switch (random.nextInt(5)) {
                case 0 -> person.put("age", random.nextInt(400) - 100);
                case 1 -> person.put("sex", randomText(random, 1));
                case 2 -> person.set("age", json(random, 1));
                default -> {}
            }
        }
        switch (random.nextInt(6)) {
            case 0 -> persons.remove("salt");
            case 1 -> persons.set("list", json(random, 1));
            case 2 -> persons.put(randomText(random, 5), randomText(random, 5));
            default -> {}
        }
        return persons;
    }

    private static JsonNode json(Random random, int depth) {
        int kind = depth == 0 ? random.nextInt(5) : random.nextInt(7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(3) == 0 ? random.nextDouble() * 1e12 : random.nextLong());
            case 3 -> NODES.textNode(randomText(random, random.nextInt(20)));
            case 4 -> NODES.numberNode(new java.math.BigDecimal(number(random)));
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(json(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    String key = random.nextBoolean()
                            ? OBSERVATION_FIELDS[random.nextInt(OBSERVATION_FIELDS.length)]
                            : randomText(random, 6);
                    object.set(key, json(random, depth - 1));
                }
                yield object;
            }
        };
    }

    /** The valid definition with a few characters changed, removed or added. */
    private static String mutateText(Random random, String text) {
        StringBuilder mutated = new StringBuilder(text);
        for (int change = 1 + random.nextInt(4); change > 0; change--) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(3)) {
                case 0 -> mutated.deleteCharAt(at);
                case 1 -> mutated.insert(at, randomText(random, 1 + random.nextInt(3)));
                default -> mutated.setCharAt(at, YAML_PUNCTUATION.charAt(random.nextInt(YAML_PUNCTUATION.length())));
            }
        }
        return mutated.toString();
    }

    private static String number(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Long.toString(random.nextLong());
            case 1 -> "9".repeat(1 + random.nextInt(40));
            case 2 -> "-" + random.nextInt(1000);
            case 3 -> random.nextInt(100) + "e" + random.nextInt(400);
            default -> Integer.toString(random.nextInt(30));
        };
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(
                    switch (random.nextInt(6)) {
                        case 0 -> (char) ('a' + random.nextInt(26));
                        case 1 -> (char) (0x0621 + random.nextInt(40)); // Arabic letters
                        case 2 -> (char) (0x20 + random.nextInt(95));
                        case 3 -> (char) (0xD800 + random.nextInt(0x800)); // lone surrogates
                        case 4 -> (char) random.nextInt(0x20); // control characters
                        default -> (char) ('0' + random.nextInt(10));
                    });
        }
        return text.toString();
    }
}

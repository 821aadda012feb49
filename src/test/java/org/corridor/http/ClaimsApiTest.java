package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.http.OperationsApiTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports on the demo operation: their claims set beside the verified figures at the moment they were published. */
class ClaimsApiTest {
    private static final String OP = "/api/operations/aleppo-2016-12";
    private static final String REPORT = "{\"text\": \"The Turkish foreign minister said that about 12,000 people had"
            + " been evacuated so far, 4,500 of them since midnight. The opposition said that 20,000 people will leave"
            + " in the coming days.\", \"language\": \"en\", \"source\": {\"name\": \"Wire report\"},"
            + " \"publishedAt\": \"2016-12-19T14:00:00+02:00\"}";

    @TempDir
    static Path directory;

    static RunningServer api;

    @BeforeAll
    static void loadTheDemo() throws IOException {
        api = RunningServer.start(directory);
        assertThat(api.post("/api/operations", "application/yaml", resource("/demo/aleppo-2016-12.yaml"))
                        .statusCode())
                .isEqualTo(201);
        ArrayNode batch = RunningServer.JSON.createArrayNode();
        for (String line :
                resource("/demo/aleppo-2016-12.observations.jsonl").lines().toList()) {
            batch.add(RunningServer.JSON.readTree(line));
        }
        assertThat(api.postJson(OP + "/observations", batch).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ClaimsApiTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theMinistersFigure_isSetBesideTheVerifiedOne_andThePlannedOneBesideTheQuotas() {
        HttpResponse<String> submitted = api.post(OP + "/reports", "application/json", REPORT);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);

        JsonNode claims = RunningServer.json(api.get(OP + "/claims"));
        JsonNode minister = find(claims, 12_000);
        JsonNode sinceMidnight = find(claims, 4_500);
        JsonNode planned = find(claims, 20_000);

        assertThat(minister.get("approximate").asBoolean()).isTrue();
        assertThat(minister.get("verified").get("figure").asText()).isEqualTo("evacuated");
        assertThat(minister.get("verified").get("value").asLong()).isEqualTo(11_629);
        assertThat(minister.get("assessment").asText()).isEqualTo("consistent");
        assertThat(minister.get("publishedAt").asText()).isEqualTo("2016-12-19T14:00:00+02:00");
        assertThat(sinceMidnight.get("verified").get("value").asLong()).isEqualTo(4_322);
        assertThat(sinceMidnight.get("verified").get("from").asText()).isEqualTo("2016-12-19T00:00:00+02:00");
        assertThat(sinceMidnight.get("assessment").asText()).isEqualTo("consistent");
        assertThat(planned.get("modality").asText()).isEqualTo("planned");
        assertThat(planned.get("assessment").asText()).isEqualTo("planned");
        assertThat(planned.get("verified").get("figure").asText()).isEqualTo("quota");
    }

    @Test
    void aBadReport_isRefusedNamingEachField_andNothingIsStored() {
        int before = RunningServer.json(api.get(OP + "/claims")).size();

        HttpResponse<String> refused = api.post(
                OP + "/reports",
                "application/json",
                "{\"text\": \" \", \"language\": \"fr\", \"source\": {\"url\": \"x\"}, \"publishedAt\": \"Monday\","
                        + " \"extra\": 1}");

        assertProblem(refused, 422);
        assertThat(refused.body())
                .contains("\"text\"")
                .contains("\"language\"")
                .contains("\"source.name\"")
                .contains("\"publishedAt\"")
                .contains("\"extra\"");
        assertThat(RunningServer.json(api.get(OP + "/claims")).size()).isEqualTo(before);
        assertProblem(api.post("/api/operations/nowhere/reports", "application/json", REPORT), 404);
    }

    @Test
    void placesOfTheServersGazetteer_areNamedWithTheirCodes_besideTheOperationsSites() {
        api.service.useGazetteer(java.util.List.of(new org.corridor.claims.Place(
                "SY07", new org.corridor.operation.LocalizedName("Idlib", "إدلب"), java.util.List.of())));

        HttpResponse<String> submitted = api.post(
                OP + "/reports",
                "application/json",
                "{\"text\": \"Some 3,000 people arrived in Idlib.\", \"publishedAt\": \"2016-12-20T10:00:00+02:00\"}");

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        JsonNode claim = RunningServer.json(submitted).get("claims").get(0);
        assertThat(claim.get("quantity").asLong()).isEqualTo(3_000);
        assertThat(claim.get("places").toString()).contains("Idlib");
    }

    private static JsonNode find(JsonNode claims, long quantity) {
        for (JsonNode claim : claims) {
            if (claim.get("quantity").asLong() == quantity) {
                return claim;
            }
        }
        throw new AssertionError("no claim of " + quantity + " in " + claims);
    }
}

package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.http.OperationsApiTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.corridor.integrity.Ed25519;
import org.corridor.observation.Signatures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The signature rules of CONTRACT §6 on the real server: in {@code signed-op} monitor m1 has a key and m2 has none;
 * {@code strict-op} is the same operation with {@code requireSignatures: true}.
 */
class SignaturesApiTest {
    static final Ed25519.KeyPair M1 = Ed25519.KeyPair.fromSeed(seed(1));
    static final Ed25519.KeyPair STRANGER = Ed25519.KeyPair.fromSeed(seed(2));

    @TempDir
    static Path directory;

    static RunningServer api;

    @BeforeAll
    static void start() {
        api = RunningServer.start(directory);
        define("signed-op", false, M1.publicKey().base64());
        define("strict-op", true, M1.publicKey().base64());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** The test operation under another id, with m1's key and, if asked, requiring signatures. */
    static void define(String operationId, boolean requireSignatures, String m1Key) {
        String yaml = RunningServer.fixture("test-op.yaml")
                .replace("id: test-op", "id: " + operationId)
                .replace("organisation: UN}", "organisation: UN, publicKey: \"" + m1Key + "\"}");
        if (requireSignatures) {
            yaml += "requireSignatures: true\n";
        }
        HttpResponse<String> response = api.post("/api/operations", "application/yaml", yaml);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    static byte[] seed(int value) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) value);
        return seed;
    }

    static ObjectNode departure(String operationId, String monitor, String convoy) {
        return Observations.departure(convoy, 40).put("operation", operationId).put("monitor", monitor);
    }

    static String observations(String operationId) {
        return "/api/operations/" + operationId + "/observations";
    }

    @Test
    void signedByAMonitorWithAKey_isStoredAndMarkedSigned() {
        ObjectNode signed = Signatures.sign(departure("signed-op", "m1", "good"), M1);

        HttpResponse<String> response = api.postJson(observations("signed-op"), signed);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode stored =
                feedEntry("signed-op", RunningServer.json(response).get("seq").asLong());
        assertThat(stored.get("signed").asBoolean()).isTrue();
        assertThat(stored.get("signature").asText())
                .isEqualTo(signed.get("signature").asText());
    }

    @Test
    void unsignedFromAMonitorWithoutAKey_isStoredUnsigned_whenTheOperationDoesNotRequireSignatures() {
        HttpResponse<String> response = api.postJson(observations("signed-op"), departure("signed-op", "m2", "open"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode stored =
                feedEntry("signed-op", RunningServer.json(response).get("seq").asLong());
        assertThat(stored.get("signed").asBoolean()).isFalse();
    }

    @Test
    void signatureMadeWithTheJdksOwnEd25519_isAccepted() throws Exception {
        KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = jdk.getPublic().getEncoded(); // X.509 SubjectPublicKeyInfo: the raw key is its last 32 bytes
        String rawKey = Base64.getEncoder()
                .encodeToString(
                        Arrays.copyOfRange(encoded, encoded.length - Ed25519.PUBLIC_KEY_LENGTH, encoded.length));
        define("jdk-op", false, rawKey);
        ObjectNode observation = departure("jdk-op", "m1", "jdk");
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(jdk.getPrivate());
        signer.update(Signatures.message(observation));
        observation.put("signature", Base64.getEncoder().encodeToString(signer.sign()));

        HttpResponse<String> response = api.postJson(observations("jdk-op"), observation);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void aBatchMixingGoodAndRefused_keepsTheOrderOfItsResults() {
        ArrayNode batch = RunningServer.JSON.createArrayNode();
        for (int i = 0; i < 40; i++) {
            ObjectNode signed = Signatures.sign(departure("signed-op", "m1", "order-" + i), M1);
            batch.add(i % 3 == 0 ? signed.put("people", 41) : signed);
        }

        JsonNode results = RunningServer.json(api.postJson(observations("signed-op"), batch))
                .get("results");

        for (int i = 0; i < 40; i++) {
            assertThat(results.get(i).get("id").asText())
                    .isEqualTo(batch.get(i).get("id").asText());
            assertThat(results.get(i).get("status").asText()).isEqualTo(i % 3 == 0 ? "invalid" : "created");
        }
    }

    @Test
    void signedOnlyFigures_countTheSignedObservationsAlone_andTheBoardMarksEachConvoy() {
        define("board-op", false, M1.publicKey().base64());
        api.postJson(observations("board-op"), Signatures.sign(departure("board-op", "m1", "c-signed"), M1));
        api.postJson(observations("board-op"), departure("board-op", "m2", "c-unsigned"));
        String base = "/api/operations/board-op";

        JsonNode all = RunningServer.json(api.get(base + "/tallies"));
        JsonNode signedOnly = RunningServer.json(api.get(base + "/tallies?signed=only"));
        JsonNode board = RunningServer.json(api.get(base + "/convoys"));
        JsonNode signedBoard = RunningServer.json(api.get(base + "/convoys?signed=only"));

        assertThat(all.get("departed").asLong()).isEqualTo(80);
        assertThat(all.has("signedOnly")).isFalse();
        assertThat(signedOnly.get("departed").asLong()).isEqualTo(40);
        assertThat(signedOnly.get("signedOnly").asBoolean()).isTrue();
        assertThat(board.findValuesAsText("id")).containsExactly("c-signed", "c-unsigned");
        assertThat(board.findValuesAsText("signed")).containsExactly("true", "false");
        assertThat(signedBoard.findValuesAsText("id")).containsExactly("c-signed");
        assertThat(signedBoard.get(0).get("departed").asLong()).isEqualTo(40);
    }

    @Test
    void signedParameterOtherThanOnlyOrAll_is400NamingIt() {
        HttpResponse<String> response = api.get("/api/operations/signed-op/tallies?signed=yes");

        assertProblem(response, 400);
        assertThat(RunningServer.json(response)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("signed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedSingle_is422NamingSignatureAndChangesNothing(String what, String operationId, ObjectNode observation) {
        int before = api.feedSize(operationId);

        HttpResponse<String> response = api.postJson(observations(operationId), observation);

        assertProblem(response, 422);
        JsonNode error = RunningServer.json(response).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("signature");
        assertThat(error.get("message").asText()).containsAnyOf("publicKey", "sign");
        assertThat(api.feedSize(operationId)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedInABatch_isInvalidNamingSignatureAndChangesNothing(
            String what, String operationId, ObjectNode observation) {
        int before = api.feedSize(operationId);
        ArrayNode batch = RunningServer.JSON.createArrayNode();
        for (int i = 0; i < 9; i++) {
            batch.add(
                    observation.deepCopy().put("id", java.util.UUID.randomUUID().toString()));
        }

        JsonNode results = RunningServer.json(api.postJson(observations(operationId), batch))
                .get("results");

        assertThat(results.valueStream().map(result -> result.get("status").asText()))
                .hasSize(9)
                .containsOnly("invalid");
        assertThat(results.get(0).get("problem").get("errors").findValuesAsText("field"))
                .containsExactly("signature");
        assertThat(api.feedSize(operationId)).isEqualTo(before);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                refusal("unsigned from a monitor with a key", "signed-op", departure("signed-op", "m1", "r1")),
                refusal(
                        "unsigned where the operation requires signatures",
                        "strict-op",
                        departure("strict-op", "m2", "r2")),
                refusal(
                        "signed by a monitor without a key",
                        "signed-op",
                        Signatures.sign(departure("signed-op", "m2", "r3"), STRANGER)),
                signedThen("signature not base64", o -> o.put("signature", "not base64!")),
                signedThen(
                        "signature of 32 bytes",
                        o -> o.put("signature", Base64.getEncoder().encodeToString(seed(7)))),
                signedThen("a count changed after signing", o -> o.put("people", 400)),
                signedThen("a note added after signing", o -> o.put("note", "added later")),
                refusal(
                        "signed with another key",
                        "signed-op",
                        Signatures.sign(departure("signed-op", "m1", "r4"), STRANGER)));
    }

    private static Arguments refusal(String what, String operationId, ObjectNode observation) {
        return Arguments.of(what, operationId, observation);
    }

    private static Arguments signedThen(String what, UnaryOperator<ObjectNode> change) {
        ObjectNode signed = Signatures.sign(departure("signed-op", "m1", "tampered"), M1);
        return Arguments.of(what, "signed-op", change.apply(signed));
    }

    private static JsonNode feedEntry(String operationId, long seq) {
        return RunningServer.json(api.get(observations(operationId) + "?after=" + (seq - 1) + "&limit=1"))
                .get(0);
    }
}

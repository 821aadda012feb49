package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.http.OperationsApiTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.corridor.integrity.Checkpoint;
import org.corridor.integrity.Jcs;
import org.corridor.integrity.MemoryTree;
import org.corridor.integrity.MerkleLog;
import org.corridor.integrity.SignedNote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log endpoints of CONTRACT §6, checked by a client that trusts only the server's key and its own bytes. */
class LogApiTest {
    private static final String OP = "/api/operations/test-op";

    @TempDir
    Path directory;

    RunningServer api;
    /** The canonical bytes of every observation posted, in the order they were accepted: the expected leaves. */
    final MemoryTree expected = new MemoryTree();

    @BeforeEach
    void start() {
        api = RunningServer.start(directory);
        api.defineTestOperation();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private void post(int count) {
        ArrayNode batch = RunningServer.JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            ObjectNode departure = Observations.departure("c" + expected.size() + "-" + i, 10 + i);
            batch.add(departure);
        }
        HttpResponse<String> response = api.postJson(OP + "/observations", batch);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        batch.forEach(observation -> expected.append(Jcs.canonicalize(observation)));
    }

    private SignedNote.Verifier serverKey() {
        HttpResponse<String> key = api.get("/api/log/key");
        assertThat(key.statusCode()).isEqualTo(200);
        assertThat(key.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        return SignedNote.Verifier.parse(key.body());
    }

    private Checkpoint checkpoint() {
        HttpResponse<String> note = api.get(OP + "/log/checkpoint");
        assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
        return Checkpoint.parse(serverKey().open(note.body()));
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        proof.forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
        return hashes;
    }

    @Test
    void checkpoint_isSignedByTheServersKey_andCommitsToTheObservationsAsSent() {
        post(13);

        Checkpoint checkpoint = checkpoint();

        assertThat(checkpoint.origin()).isEqualTo("corridor/test-op");
        assertThat(checkpoint.size()).isEqualTo(13);
        assertThat(checkpoint.root()).isEqualTo(expected.rootHash());
        assertThat(serverKey().text()).isEqualTo(RunningServer.SIGNER.verifier().text());
    }

    @Test
    void checkpoint_ofAnEmptyLog_isTheEmptyRoot_andUnchangedLogsGiveTheSameNote() {
        assertThat(checkpoint().size()).isZero();
        assertThat(checkpoint().root()).isEqualTo(MerkleLog.emptyRoot());
        post(2);
        assertThat(api.get(OP + "/log/checkpoint").body())
                .isEqualTo(api.get(OP + "/log/checkpoint").body());
    }

    @Test
    void inclusionProofs_ofEveryLeaf_verifyAgainstTheSignedRoot() {
        post(21);
        Checkpoint checkpoint = checkpoint();

        for (long index = 0; index < 21; index++) {
            JsonNode inclusion = RunningServer.json(api.get(OP + "/log/inclusion?index=" + index + "&size=21"));
            assertThat(inclusion.get("index").asLong()).isEqualTo(index);
            assertThat(inclusion.get("size").asLong()).isEqualTo(21);
            byte[] leafHash =
                    Base64.getDecoder().decode(inclusion.get("leafHash").asText());
            assertThat(leafHash).isEqualTo(expected.subtreeHash(0, index));
            assertThat(MerkleLog.verifyInclusion(
                            index, 21, leafHash, hashes(inclusion.get("proof")), checkpoint.root()))
                    .as("leaf %d", index)
                    .isTrue();
        }
    }

    @Test
    void inclusion_inAnEarlierTree_verifiesAgainstThatTreesRoot_andSizeDefaultsToNow() {
        post(5);
        Checkpoint earlier = checkpoint();
        post(6);

        JsonNode old = RunningServer.json(api.get(OP + "/log/inclusion?index=3&size=5"));
        JsonNode now = RunningServer.json(api.get(OP + "/log/inclusion?index=3"));

        assertThat(MerkleLog.verifyInclusion(
                        3, 5, expected.subtreeHash(0, 3), hashes(old.get("proof")), earlier.root()))
                .isTrue();
        assertThat(now.get("size").asLong()).isEqualTo(11);
    }

    @Test
    void consistencyProofs_betweenSuccessiveCheckpoints_verify() {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int round = 1; round <= 6; round++) {
            post(round * 3 - 2);
            checkpoints.add(checkpoint());
        }
        for (Checkpoint from : checkpoints) {
            for (Checkpoint to : checkpoints) {
                if (from.size() > to.size()) {
                    continue;
                }
                JsonNode consistency =
                        RunningServer.json(api.get(OP + "/log/consistency?from=" + from.size() + "&to=" + to.size()));
                assertThat(consistency.get("from").asLong()).isEqualTo(from.size());
                assertThat(consistency.get("to").asLong()).isEqualTo(to.size());
                assertThat(MerkleLog.verifyConsistency(
                                from.size(), to.size(), from.root(), to.root(), hashes(consistency.get("proof"))))
                        .as("%d to %d", from.size(), to.size())
                        .isTrue();
            }
        }
    }

    @Test
    void badProofRequests_areRefusedNamingTheParameter() {
        post(4);

        assertRefused(api.get(OP + "/log/inclusion"), 400, "index");
        assertRefused(api.get(OP + "/log/inclusion?index=x"), 400, "index");
        assertRefused(api.get(OP + "/log/inclusion?index=-1"), 400, "index");
        assertRefused(api.get(OP + "/log/inclusion?index=4&size=4"), 422, "index");
        assertRefused(api.get(OP + "/log/inclusion?index=0&size=5"), 422, "size");
        assertRefused(api.get(OP + "/log/inclusion?index=0&size=0"), 422, "size");
        assertRefused(api.get(OP + "/log/consistency"), 400, "from");
        assertRefused(api.get(OP + "/log/consistency?from=0&to=4"), 422, "from");
        assertRefused(api.get(OP + "/log/consistency?from=3&to=2"), 422, "from");
        assertRefused(api.get(OP + "/log/consistency?from=1&to=9"), 422, "to");
        assertProblem(api.get("/api/operations/nowhere/log/checkpoint"), 404);
        assertProblem(api.get("/api/operations/nowhere/log/inclusion?index=0"), 404);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String field) {
        assertProblem(response, status);
        assertThat(RunningServer.json(response)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo(field);
    }

    @Test
    void aStoredHashChangedOutsideCorridor_stopsTheSigning_withAProblemSayingSo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                RunningServer.onSqlite(), "changes an SQLite file under the server: the SQLite run covers it");
        // At 3 leaves the root is made of the subtree over leaves 0-1 and leaf 2: change the first.
        post(3);
        checkpoint();
        api.ledger.close();
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("corridor.db"));
                var sql = connection.createStatement()) {
            sql.execute("DROP TRIGGER log_node_refuses_update");
            sql.execute("UPDATE log_node SET hash = randomblob(32) WHERE level = 1 AND idx = 0");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        api.close();
        api = RunningServer.start(directory);
        post(3);

        HttpResponse<String> response = api.get(OP + "/log/checkpoint");

        assertProblem(response, 500);
        assertThat(RunningServer.json(response).get("type").asText()).endsWith("log-inconsistent");
        assertThat(RunningServer.json(response).get("detail").asText())
                .contains("no longer matches the checkpoint of 3 observations");
    }
}

package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.corridor.bundle.Bundle;
import org.corridor.integrity.Ed25519;
import org.corridor.integrity.Jcs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export then verify: a faithful bundle passes, and every kind of tampering is caught and named. */
class ExportVerifyTest {
    private static final String OP = "aleppo-2016-12";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    Path bundle;

    String db() {
        return "jdbc:sqlite:" + directory.resolve("demo.db");
    }

    @BeforeEach
    void exportTheDemo() {
        assertThat(Cli.run("demo", "--load-only", "--db", db()).exitCode()).isZero();
        bundle = directory.resolve("aleppo.zip");
        Cli.Run export = Cli.run("export", OP, "--out", bundle.toString(), "--db", db());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("exported 53 observations of aleppo-2016-12");
    }

    @Test
    void aFaithfulBundle_passesEveryCheck_andSaysWhatItChecked() {
        Cli.Run verify = Cli.run("verify", bundle.toString());

        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out())
                .contains("ok  checkpoint   corridor/aleppo-2016-12, 53 observations")
                .contains("signature verified")
                .contains("ok  observations 53 lines")
                .contains("ok  root         recomputed from 53 leaves: equals the checkpoint's")
                .contains("taken from the bundle")
                .endsWith("verified: every check passed\n");
    }

    @Test
    void theBundle_holdsExactlyTheLeaves_andNoOtherKeyThanTheServersKept() throws IOException {
        List<String> lines = lines(read(bundle, Bundle.OBSERVATIONS));
        assertThat(lines).hasSize(53);
        for (String line : lines) {
            assertThat(new String(Jcs.canonicalize(JSON.readTree(line)), StandardCharsets.UTF_8))
                    .isEqualTo(line);
        }
        String kept = Files.readString(directory.resolve("server.key"));
        assertThat(kept).startsWith("PRIVATE+KEY+corridor+");
        Path again = directory.resolve("again.zip");
        Cli.run("export", OP, "--out", again.toString(), "--db", db());
        assertThat(read(again, Bundle.SERVER_KEY)).isEqualTo(read(bundle, Bundle.SERVER_KEY));
        assertThat(read(again, Bundle.CHECKPOINT)).isEqualTo(read(bundle, Bundle.CHECKPOINT));
    }

    @Test
    void theServersKeyGivenWithKey_isChecked_andAnotherKeyFails() throws IOException {
        Path key = Files.writeString(directory.resolve("server.vkey"), read(bundle, Bundle.SERVER_KEY));
        assertThat(Cli.run("verify", bundle.toString(), "--key", key.toString()).out())
                .contains("given with --key, the same as the bundle's")
                .endsWith("verified: every check passed\n");

        String other = org.corridor.integrity.SignedNote.Signer.generate("corridor")
                .verifier()
                .text();
        Cli.Run wrong = Cli.run("verify", bundle.toString(), "--key", other);
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.out()).contains("FAILED  checkpoint.txt: the note carries no signature by corridor");
    }

    @Test
    void oneByteChangedInOneObservation_isNamedByLineAndId() throws IOException {
        List<String> lines = lines(read(bundle, Bundle.OBSERVATIONS));
        String target = lines.get(16);
        String changed = target.replaceFirst("\"people\":(\\d)", "\"people\":9");
        assertThat(changed).isNotEqualTo(target);

        Cli.Run verify = verifyWith(Bundle.OBSERVATIONS, text -> text.replace(target, changed));

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("FAILED  observations.jsonl line 17 (id " + id(target) + ")");
    }

    @Test
    void aDroppedObservation_fails_namingWhereTheLogDisagrees() throws IOException {
        List<String> lines = new ArrayList<>(lines(read(bundle, Bundle.OBSERVATIONS)));
        String dropped = lines.remove(30);

        Cli.Run verify = verifyWith(Bundle.OBSERVATIONS, text -> String.join("\n", lines) + "\n");

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("FAILED  observations.jsonl line 31").doesNotContain(id(dropped));
    }

    @Test
    void twoObservationsSwapped_fail() throws IOException {
        List<String> lines = new ArrayList<>(lines(read(bundle, Bundle.OBSERVATIONS)));
        Collections.swap(lines, 4, 9);

        Cli.Run verify = verifyWith(Bundle.OBSERVATIONS, text -> String.join("\n", lines) + "\n");

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("FAILED  observations.jsonl line 5 (id " + id(lines.get(4)) + ")");
    }

    @Test
    void withoutTheLeafHashes_anyChange_stillFailsTheRoot() throws IOException {
        List<String> lines = new ArrayList<>(lines(read(bundle, Bundle.OBSERVATIONS)));
        Collections.swap(lines, 1, 2);
        Map<String, byte[]> entries = entries(bundle);
        entries.remove(Bundle.LEAF_HASHES);
        entries.put(Bundle.OBSERVATIONS, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Path tampered = write(entries);

        Cli.Run verify = Cli.run("verify", tampered.toString());

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("is not the checkpoint's").contains("no leaf hashes to say which");
    }

    @Test
    void anAddedObservation_aChangedCheckpoint_andANonCanonicalLine_fail() throws IOException {
        List<String> lines = lines(read(bundle, Bundle.OBSERVATIONS));
        String extra = lines.get(0).replace(id(lines.get(0)), "00000000-0000-4000-8000-000000000001");
        assertThat(verifyWith(Bundle.OBSERVATIONS, text -> text + extra + "\n").out())
                .contains("FAILED  observations.jsonl line 54")
                .contains("lines were added");

        assertThat(verifyWith(Bundle.CHECKPOINT, text -> text.replaceFirst("\n53\n", "\n52\n"))
                        .out())
                .contains("FAILED  checkpoint.txt")
                .contains("does not verify");

        String spaced = lines.get(2).replace(",", ", ");
        assertThat(verifyWith(Bundle.OBSERVATIONS, text -> text.replace(lines.get(2), spaced))
                        .out())
                .contains("FAILED  observations.jsonl line 3")
                .contains("not in canonical form");
    }

    @Test
    void aStoredRowChangedOutsideCorridor_isReportedByExport_andNamedByVerify() throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(db());
                var sql = connection.createStatement()) {
            sql.execute("DROP TRIGGER observation_refuses_update");
            sql.execute("UPDATE observation SET body = replace(body, '\"people\":', '\"people\":1') WHERE seq = 7");
        }
        Path fromTamperedStore = directory.resolve("tampered.zip");

        Cli.Run export = Cli.run("export", OP, "--out", fromTamperedStore.toString(), "--db", db());
        Cli.Run verify = Cli.run("verify", fromTamperedStore.toString());

        assertThat(export.exitCode()).isEqualTo(1);
        assertThat(export.err()).contains("the stored observation seq 7 no longer gives the hash the log recorded");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("FAILED  observations.jsonl line 7");
    }

    @Test
    void signedObservations_areVerified_andAChangedSignedOneIsNamedBySignature() throws IOException {
        Ed25519.KeyPair monitorKey = Ed25519.KeyPair.generate();
        Map<String, byte[]> entries = entries(bundle);
        ObjectNode operation = (ObjectNode) JSON.readTree(entries.get(Bundle.OPERATION));
        ObjectNode firstMonitor = (ObjectNode) operation.get("monitors").get(0);
        String monitorId = firstMonitor.get("id").asText();
        firstMonitor.put("publicKey", monitorKey.publicKey().base64());
        entries.put(Bundle.OPERATION, JSON.writeValueAsBytes(operation));
        // Re-sign that monitor's observations as the monitor would have, and rebuild the log over them.
        List<String> lines = new ArrayList<>();
        int signedLine = -1;
        for (String line : lines(new String(entries.get(Bundle.OBSERVATIONS), StandardCharsets.UTF_8))) {
            ObjectNode observation = (ObjectNode) JSON.readTree(line);
            if (observation.get("monitor").asText().equals(monitorId)) {
                observation.put(
                        "signature",
                        Base64.getEncoder().encodeToString(monitorKey.sign(Jcs.canonicalize(observation))));
                signedLine = signedLine < 0 ? lines.size() : signedLine;
            }
            lines.add(new String(Jcs.canonicalize(observation), StandardCharsets.UTF_8));
        }
        assertThat(signedLine).isNotNegative();
        Path signed = resigned(entries, lines);
        assertThat(Cli.run("verify", signed.toString()).out())
                .contains("signatures verified")
                .endsWith("verified: every check passed\n");

        ObjectNode changed = (ObjectNode) JSON.readTree(lines.get(signedLine));
        changed.put("note", "changed after signing");
        lines.set(signedLine, new String(Jcs.canonicalize(changed), StandardCharsets.UTF_8));
        Cli.Run verify = Cli.run("verify", resigned(entries, lines).toString());

        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out())
                .contains("FAILED  observations.jsonl line " + (signedLine + 1))
                .contains("its signature does not verify with monitor '" + monitorId + "''s key");
    }

    /** A bundle over {@code lines} with a log rebuilt and a checkpoint signed by a new server key. */
    private Path resigned(Map<String, byte[]> entries, List<String> lines) {
        org.corridor.integrity.SignedNote.Signer server = org.corridor.integrity.SignedNote.Signer.generate("corridor");
        org.corridor.integrity.MemoryTree tree = new org.corridor.integrity.MemoryTree();
        java.io.ByteArrayOutputStream hashes = new java.io.ByteArrayOutputStream();
        for (String line : lines) {
            tree.append(line.getBytes(StandardCharsets.UTF_8));
            hashes.writeBytes(tree.subtreeHash(0, tree.size() - 1));
        }
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        copy.put(Bundle.OBSERVATIONS, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        copy.put(Bundle.LEAF_HASHES, hashes.toByteArray());
        copy.put(
                Bundle.CHECKPOINT,
                server.sign(new org.corridor.integrity.Checkpoint("corridor/" + OP, tree.size(), tree.rootHash())
                                .text())
                        .getBytes(StandardCharsets.UTF_8));
        copy.put(Bundle.SERVER_KEY, (server.verifier().text() + "\n").getBytes(StandardCharsets.UTF_8));
        return write(copy);
    }

    private Cli.Run verifyWith(String name, UnaryOperator<String> change) throws IOException {
        Map<String, byte[]> entries = entries(bundle);
        entries.put(
                name,
                change.apply(new String(entries.get(name), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        return Cli.run("verify", write(entries).toString());
    }

    private static String id(String line) throws IOException {
        return JSON.readTree(line).get("id").asText();
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    private static String read(Path zip, String name) throws IOException {
        return new String(entries(zip).get(name), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                try (InputStream in = file.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private int written;

    private Path write(Map<String, byte[]> entries) {
        Path file = directory.resolve("tampered-" + ++written + ".zip");
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}

package org.corridor.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.corridor.bundle.Bundle;
import org.corridor.bundle.BundleVerifier;
import org.corridor.bundle.BundleWriter;
import org.corridor.http.CorridorServer;
import org.corridor.integrity.Checkpoint;
import org.corridor.integrity.Ed25519;
import org.corridor.integrity.Frontier;
import org.corridor.integrity.Jcs;
import org.corridor.integrity.MerkleLog;
import org.corridor.integrity.SignedNote;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.jdbc.Ledgers;
import org.corridor.observation.Observation;
import org.corridor.operation.OperationWriter;
import org.corridor.service.CorridorService;
import org.corridor.service.TransparencyLog;

/**
 * The Merkle log at scale: an operation of {@code observations} observations (default 1,000,000) in SQLite, then the
 * median time of an inclusion and a consistency proof in the server and over HTTP, a checkpoint, an export, and
 * {@code corridor verify} of two bundles of that size: as exported (unsigned) and with every observation signed.
 * Run: {@code bench/run -main org.corridor.bench.LogBenchmark [observations]}.
 */
public final class LogBenchmark {
    private static final String OP = SyntheticOperation.OPERATION.id();

    private LogBenchmark() {}

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path directory = Files.createTempDirectory("corridor-log");
        String url = "jdbc:sqlite:" + directory.resolve("corridor.db");
        System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), cpu());
        try {
            ScaleBenchmark.store(url, total);
            try (Ledger ledger = Ledgers.open(url)) {
                TransparencyLog log = new TransparencyLog(ledger, SignedNote.Signer.generate("bench"), "corridor");
                proofs(log, total);
                CorridorService service = CorridorService.start(ledger, InstantSource.system(), directory.resolve("s"));
                try (CorridorServer server =
                                CorridorServer.start(service, org.corridor.TestAccess.of(ledger), log, "127.0.0.1", 0);
                        HttpClient http = HttpClient.newHttpClient()) {
                    Random random = new Random(1);
                    String base = "http://127.0.0.1:" + server.port() + "/api/operations/" + OP + "/log/";
                    System.out.printf(
                            "GET log/inclusion over HTTP (random leaf of %,d): median %.3f ms%n",
                            total,
                            ScaleBenchmark.medianMillis(
                                    201,
                                    () -> ScaleBenchmark.get(http, base + "inclusion?index=" + random.nextInt(total))));
                    System.out.printf(
                            "GET log/checkpoint over HTTP (unchanged log): median %.3f ms%n",
                            ScaleBenchmark.medianMillis(201, () -> ScaleBenchmark.get(http, base + "checkpoint")));
                }
                Path bundle = export(ledger, log, directory, total);
                verify(bundle, total, "as exported (unsigned)");
                verify(signedBundle(ledger, directory, total), total, "every observation signed");
            }
        } finally {
            RawSqliteAppend.deleteRecursively(directory);
        }
    }

    private static void proofs(TransparencyLog log, int total) {
        long start = System.nanoTime();
        String note = log.checkpoint(OP);
        System.out.printf(
                "first checkpoint of %,d leaves (root from stored hashes, sign, keep): %.1f ms%n",
                total, (System.nanoTime() - start) / 1e6);
        Random random = new Random(7);
        System.out.printf(
                "inclusion proof in the server (random leaf of %,d): median %.3f ms%n",
                total, ScaleBenchmark.medianMillis(1001, () -> log.inclusion(OP, random.nextInt(total), total)));
        System.out.printf(
                "consistency proof in the server (random older size to %,d): median %.3f ms%n",
                total,
                ScaleBenchmark.medianMillis(1001, () -> log.consistency(OP, 1 + random.nextInt(total - 1), total)));
        if (note.isEmpty()) {
            throw new IllegalStateException("no checkpoint");
        }
    }

    private static Path export(Ledger ledger, TransparencyLog log, Path directory, int total) {
        Path bundle = directory.resolve("bundle.zip");
        long start = System.nanoTime();
        String note = log.checkpoint(OP);
        Checkpoint checkpoint =
                Checkpoint.parse(SignedNote.Verifier.parse(log.verifierKey()).open(note));
        BundleWriter.write(
                bundle,
                ledger.operation(OP).orElseThrow(),
                BundleWriter.leavesOf(ledger, OP),
                note,
                checkpoint,
                log.verifierKey());
        System.out.printf(
                "export of %,d observations: %.1f s, %,d MB%n",
                total, (System.nanoTime() - start) / 1e9, size(bundle) >> 20);
        return bundle;
    }

    private static void verify(Path bundle, int total, String what) {
        long start = System.nanoTime();
        new BundleVerifier(line -> {}).verify(bundle, null);
        System.out.printf(
                "verify of a %,d-observation bundle, %s: %.1f s%n", total, what, (System.nanoTime() - start) / 1e9);
    }

    /** The same observations, each signed by its monitor's key, in a bundle of their own. */
    private static Path signedBundle(Ledger ledger, Path directory, int total) throws Exception {
        long start = System.nanoTime();
        Map<String, Ed25519.KeyPair> keys = new HashMap<>();
        ObjectNode operation = (ObjectNode) OperationWriter.write(SyntheticOperation.OPERATION);
        for (var monitor : (ArrayNode) operation.get("monitors")) {
            Ed25519.KeyPair key = Ed25519.KeyPair.generate();
            keys.put(monitor.get("id").asText(), key);
            ((ObjectNode) monitor).put("publicKey", key.publicKey().base64());
        }
        Path bundle = directory.resolve("signed.zip");
        Frontier tree = new Frontier();
        ByteArrayOutputStream hashes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(bundle)))) {
            zip.putNextEntry(new ZipEntry(Bundle.OPERATION));
            zip.write(Jcs.canonicalize(operation));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(Bundle.OBSERVATIONS));
            for (Observation observation : SyntheticOperation.observations(total, 11)) {
                ObjectNode json = SyntheticOperation.json(observation);
                byte[] signature = keys.get(observation.monitor()).sign(Jcs.canonicalize(json));
                json.put("signature", Base64.getEncoder().encodeToString(signature));
                byte[] line = Jcs.canonicalize(json);
                byte[] leafHash = MerkleLog.leafHash(line);
                tree.append(leafHash);
                hashes.writeBytes(leafHash);
                zip.write(line);
                zip.write('\n');
            }
            zip.closeEntry();
            SignedNote.Signer server = SignedNote.Signer.generate("bench");
            zip.putNextEntry(new ZipEntry(Bundle.CHECKPOINT));
            zip.write(server.sign(new Checkpoint("corridor/" + OP, tree.size(), tree.root()).text())
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(Bundle.SERVER_KEY));
            zip.write((server.verifier().text() + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(Bundle.LEAF_HASHES));
            zip.write(hashes.toByteArray());
            zip.closeEntry();
        }
        System.out.printf(
                "(signed bundle of %,d made in %.1f s, %,d MB)%n",
                total, (System.nanoTime() - start) / 1e9, size(bundle) >> 20);
        return bundle;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .orElse("unknown CPU");
        } catch (java.io.IOException e) {
            return "unknown CPU";
        }
    }
}

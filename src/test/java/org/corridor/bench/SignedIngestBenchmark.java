package org.corridor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.corridor.integrity.Ed25519;
import org.corridor.observation.Observation;
import org.corridor.observation.Signatures;
import org.corridor.operation.Monitor;
import org.corridor.operation.Operation;

/**
 * Signed ingest over HTTP against the machine's verification limit, both measured in each run: the real server on an
 * SQLite file receives batches of 1,000 signed observations from {@code clients} concurrent clients (each read,
 * verified, stored durably and counted); in the same run, the same verifier ({@link Ed25519.PublicKey}, keys decoded
 * once) checks the same signatures over their messages on every core (the limit, taken before and after the HTTP run,
 * the higher kept), and on one, and the JDK's own Ed25519 on one core for comparison. Prints each run and the
 * medians.
 * Run: {@code bench/run -main org.corridor.bench.SignedIngestBenchmark [observations] [runs] [clients] [warm-up runs]}.
 */
public final class SignedIngestBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 1_000;
    private static final int JDK_SAMPLE = 10_000;

    /** The CPU time per verification of the last {@link #verifiesPerSecond}, in µs (this process, every thread). */
    private static double lastCpuMicrosPerVerification;

    private SignedIngestBenchmark() {}

    /** A signature to check: the key, the message (canonical form without the signature) and the signature. */
    private record Signed(Ed25519.PublicKey key, byte[] message, byte[] signature) {}

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Ed25519.KeyPair> keys = keys(SyntheticOperation.OPERATION);
        Operation operation = withKeys(SyntheticOperation.OPERATION, keys);
        List<ObjectNode> observations = signed(total, keys);
        List<byte[]> batches = batches(observations);
        List<Signed> signatures = signatures(observations, keys);
        double[] http = new double[runs];
        double[] allCores = new double[runs];
        double[] oneCore = new double[runs];
        double[] jdk = new double[runs];
        double[] cpu = new double[runs];
        double[] verifyCpu = new double[runs];
        for (int run = -warmups; run < runs; run++) {
            // Warm-up runs (as JMH's) let the JIT compile the hot paths first; they are printed, not counted.
            int slot = Math.max(0, run);
            double before = verifiesPerSecond(signatures, cores);
            double verifyCpuBefore = lastCpuMicrosPerVerification;
            oneCore[slot] = verifiesPerSecond(signatures.subList(0, Math.min(signatures.size(), total / 4)), 1);
            jdk[slot] = jdkVerifiesPerSecond(signatures.subList(0, Math.min(signatures.size(), JDK_SAMPLE)));
            Path directory = Files.createTempDirectory("corridor-signed-ingest");
            http[slot] = IngestBenchmark.overHttp(directory.resolve("corridor.db"), operation, batches, clients);
            cpu[slot] = IngestBenchmark.lastCpuMicrosPerObservation;
            RawSqliteAppend.deleteRecursively(directory);
            // The limit is taken just before and just after, and the higher one kept: a shared machine slowed by
            // others during one measurement must not make the ratio look better than it is.
            allCores[slot] = Math.max(before, verifiesPerSecond(signatures, cores));
            verifyCpu[slot] = Math.min(verifyCpuBefore, lastCpuMicrosPerVerification);
            System.out.printf(
                    "%s: HTTP %,.0f signed observations/s (%.1f µs of CPU each, JIT %,d ms); verification limit"
                            + " %,.0f/s on %d cores (%.1f µs of CPU each at best; %,.0f/s on one; JDK %,.0f/s on one);"
                            + " ratio %.2f%n",
                    IngestBenchmark.label(run, warmups),
                    http[slot],
                    cpu[slot],
                    IngestBenchmark.lastCompilationMillis,
                    allCores[slot],
                    cores,
                    verifyCpu[slot],
                    oneCore[slot],
                    jdk[slot],
                    http[slot] / allCores[slot]);
        }
        double medianHttp = IngestBenchmark.median(http);
        double medianLimit = IngestBenchmark.median(allCores);
        System.out.printf(
                "median of %d runs (after %d warm-up), %,d observations in batches of %,d, %d clients: HTTP %,.0f/s (%.1f µs of CPU each),"
                        + " limit %,.0f/s on %d cores (%.1f µs of CPU each), %,.0f/s on one, JDK %,.0f/s on one; ratio %.2f%n",
                runs,
                warmups,
                total,
                BATCH,
                clients,
                medianHttp,
                IngestBenchmark.median(cpu),
                medianLimit,
                cores,
                IngestBenchmark.median(verifyCpu),
                IngestBenchmark.median(oneCore),
                IngestBenchmark.median(jdk),
                medianHttp / medianLimit);
    }

    /** A new key pair for each monitor of {@code operation}, by monitor id. */
    static Map<String, Ed25519.KeyPair> keys(Operation operation) {
        return operation.monitors().stream()
                .collect(Collectors.toMap(Monitor::id, monitor -> Ed25519.KeyPair.generate()));
    }

    private static Operation withKeys(Operation operation, Map<String, Ed25519.KeyPair> keys) {
        List<Monitor> monitors = operation.monitors().stream()
                .map(m -> new Monitor(
                        m.id(),
                        m.name(),
                        m.organisation(),
                        keys.get(m.id()).publicKey().base64()))
                .toList();
        return new Operation(
                operation.id(),
                operation.name(),
                operation.timezone(),
                operation.parties(),
                operation.sites(),
                operation.agreements(),
                monitors,
                true,
                operation.isPublic());
    }

    private static List<ObjectNode> signed(int total, Map<String, Ed25519.KeyPair> keys) {
        List<Observation> observations = SyntheticOperation.observations(total, 7);
        return observations.parallelStream()
                .map(observation ->
                        Signatures.sign(SyntheticOperation.json(observation), keys.get(observation.monitor())))
                .toList();
    }

    private static List<byte[]> batches(List<ObjectNode> observations) throws Exception {
        List<byte[]> batches = new ArrayList<>();
        for (int from = 0; from < observations.size(); from += BATCH) {
            ArrayNode batch = JsonNodeFactory.instance.arrayNode();
            observations
                    .subList(from, Math.min(observations.size(), from + BATCH))
                    .forEach(batch::add);
            batches.add(JSON.writeValueAsBytes(batch));
        }
        return batches;
    }

    private static List<Signed> signatures(List<ObjectNode> observations, Map<String, Ed25519.KeyPair> keys) {
        Map<String, Ed25519.PublicKey> publicKeys = keys.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().publicKey()));
        Function<ObjectNode, Signed> signed = observation -> new Signed(
                publicKeys.get(observation.get("monitor").asText()),
                Signatures.message(observation),
                Base64.getDecoder().decode(observation.get("signature").asText()));
        return observations.parallelStream().map(signed).toList();
    }

    /** Verifications per second with {@code threads} threads, each checking its share of {@code signatures}. */
    private static double verifiesPerSecond(List<Signed> signatures, int threads) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> running = new ArrayList<>();
            IngestBenchmark.awaitIdleCompilers(); // as before the HTTP part, so that both are measured alike
            long cpuStart = IngestBenchmark.processCpuNanos();
            long start = System.nanoTime();
            for (int thread = 0; thread < threads; thread++) {
                int first = thread;
                running.add(pool.submit(() -> {
                    for (int i = first; i < signatures.size(); i += threads) {
                        Signed signed = signatures.get(i);
                        if (!signed.key().verify(signed.message(), signed.signature())) {
                            throw new IllegalStateException("signature " + i + " does not verify");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get();
            }
            long nanos = System.nanoTime() - start;
            lastCpuMicrosPerVerification = (IngestBenchmark.processCpuNanos() - cpuStart) / 1e3 / signatures.size();
            return signatures.size() * 1e9 / nanos;
        }
    }

    private static double jdkVerifiesPerSecond(List<Signed> signatures) throws Exception {
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        Map<Ed25519.PublicKey, PublicKey> jdkKeys = new java.util.HashMap<>();
        for (Signed signed : signatures) {
            jdkKeys.computeIfAbsent(signed.key(), key -> jdkKey(factory, key));
        }
        long start = System.nanoTime();
        for (Signed signed : signatures) {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(jdkKeys.get(signed.key()));
            verifier.update(signed.message());
            if (!verifier.verify(signed.signature())) {
                throw new IllegalStateException("the JDK does not verify a signature");
            }
        }
        return signatures.size() * 1e9 / (System.nanoTime() - start);
    }

    private static PublicKey jdkKey(KeyFactory factory, Ed25519.PublicKey key) {
        byte[] spki = HexFormat.of()
                .parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(key.raw()));
        try {
            return factory.generatePublic(new X509EncodedKeySpec(spki));
        } catch (java.security.spec.InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.corridor.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corridor.integrity.Ed25519;
import org.corridor.integrity.MerkleLog;

/**
 * The machine's own limits, the ceilings Corridor's figures are set against: how many fsyncs a second the data disk
 * takes, how fast SHA-256 hashes log leaves, and how many Ed25519 signatures a second one core and every core verify
 * (Bouncy Castle, which Corridor uses, and the JDK's own). Medians of {@code runs} runs.
 * Run: {@code bench/run -main org.corridor.bench.MachineLimits [directory] [runs]}.
 */
public final class MachineLimits {
    private static final int LEAF_BYTES = 300;

    private MachineLimits() {}

    public static void main(String[] args) throws Exception {
        Path directory = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("corridor-limits");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("machine: %d cores; data disk: %s%n", cores, directory.toAbsolutePath());
        report("fsync of a 4 KiB append, per second", runs, () -> fsyncsPerSecond(directory));
        report("SHA-256 of " + LEAF_BYTES + "-byte log leaves, per second, one core", runs, MachineLimits::leafHashes);
        report("Ed25519 verifications per second, one core (Bouncy Castle)", runs, () -> bcVerifies(1));
        report("Ed25519 verifications per second, " + cores + " cores (Bouncy Castle)", runs, () -> bcVerifies(cores));
        report("Ed25519 verifications per second, one core (the JDK's)", runs, MachineLimits::jdkVerifies);
    }

    private interface Measure {
        double perSecond() throws Exception;
    }

    private static void report(String what, int runs, Measure measure) throws Exception {
        measure.perSecond(); // warm-up
        double[] values = new double[runs];
        for (int run = 0; run < runs; run++) {
            values[run] = measure.perSecond();
        }
        System.out.printf("%-72s median %,12.0f  (runs: %s)%n", what, IngestBenchmark.median(values), runsOf(values));
    }

    private static String runsOf(double[] values) {
        List<String> text = new ArrayList<>();
        for (double value : values) {
            text.add("%,.0f".formatted(value));
        }
        return String.join(", ", text);
    }

    private static double fsyncsPerSecond(Path directory) throws IOException {
        Path file = directory.resolve("fsync.bin");
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer page = ByteBuffer.allocate(4096);
            int count = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < 2_000_000_000L) {
                page.clear();
                channel.write(page);
                channel.force(false);
                count++;
            }
            return count * 1e9 / (System.nanoTime() - start);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double leafHashes() {
        byte[] leaf = new byte[LEAF_BYTES];
        int count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 1_000_000_000L) {
            leaf[count % LEAF_BYTES]++;
            MerkleLog.leafHash(leaf);
            count++;
        }
        return count * 1e9 / (System.nanoTime() - start);
    }

    private static double bcVerifies(int threads) throws Exception {
        Ed25519.KeyPair key = Ed25519.KeyPair.generate();
        byte[] message = new byte[LEAF_BYTES];
        byte[] signature = key.sign(message);
        Ed25519.PublicKey publicKey = key.publicKey();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> counts = new ArrayList<>();
            long start = System.nanoTime();
            for (int thread = 0; thread < threads; thread++) {
                counts.add(pool.submit(() -> {
                    int count = 0;
                    while (System.nanoTime() - start < 2_000_000_000L) {
                        if (!publicKey.verify(message, signature)) {
                            throw new IllegalStateException("a valid signature did not verify");
                        }
                        count++;
                    }
                    return count;
                }));
            }
            long total = 0;
            for (Future<Integer> count : counts) {
                total += count.get();
            }
            return total * 1e9 / (System.nanoTime() - start);
        }
    }

    private static double jdkVerifies() throws Exception {
        Ed25519.KeyPair key = Ed25519.KeyPair.generate();
        byte[] message = new byte[LEAF_BYTES];
        byte[] signature = key.sign(message);
        byte[] spki = HexFormat.of()
                .parseHex("302a300506032b6570032100"
                        + HexFormat.of().formatHex(key.publicKey().raw()));
        var publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        int count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 2_000_000_000L) {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(message);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException("a valid signature did not verify");
            }
            count++;
        }
        return count * 1e9 / (System.nanoTime() - start);
    }
}

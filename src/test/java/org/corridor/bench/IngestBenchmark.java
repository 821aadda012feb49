package org.corridor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.TestAccess;
import org.corridor.http.CorridorServer;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.jdbc.Ledgers;
import org.corridor.observation.Observation;
import org.corridor.operation.Operation;
import org.corridor.operation.OperationWriter;
import org.corridor.service.CorridorService;

/**
 * Ingest over HTTP against the floor under it: the real server on an SQLite file receives batches of 1,000
 * observations (each checked, stored durably and added to the live tallies) from {@code clients} concurrent
 * clients; in the same run, {@link RawSqliteAppend} inserts the same number of rows in batches of 1,000 with the same
 * WAL and synchronous=FULL settings. Prints each run and the medians.
 * Run: {@code bench/run -main org.corridor.bench.IngestBenchmark [observations] [runs] [clients] [warm-up runs]}.
 */
public final class IngestBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 1_000;

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        List<byte[]> batches = batches(total);
        double[] http = new double[runs];
        double[] raw = new double[runs];
        double[] cpu = new double[runs];
        for (int run = -warmups; run < runs; run++) {
            // Warm-up runs (as JMH's) let the JIT compile the hot paths first; they are printed, not counted.
            int slot = Math.max(0, run);
            Path directory = Files.createTempDirectory("corridor-ingest");
            raw[slot] = RawSqliteAppend.measure(directory.resolve("raw.db"), total, BATCH, "FULL")
                    .rowsPerSecond();
            http[slot] = overHttp(directory.resolve("corridor.db"), SyntheticOperation.OPERATION, batches, clients);
            cpu[slot] = lastCpuMicrosPerObservation;
            System.out.printf(
                    "%s: HTTP %,.0f observations/s (%.1f µs of CPU each, JIT %,d ms), raw SQLite %,.0f rows/s,"
                            + " ratio %.2f%n",
                    label(run, warmups),
                    http[slot],
                    cpu[slot],
                    lastCompilationMillis,
                    raw[slot],
                    http[slot] / raw[slot]);
            RawSqliteAppend.deleteRecursively(directory);
        }
        double medianHttp = median(http);
        double medianRaw = median(raw);
        System.out.printf(
                "median of %d runs (after %d warm-up), %,d observations in batches of %,d, %d clients: HTTP %,.0f/s (%.1f µs of CPU each),"
                        + " raw %,.0f/s, ratio %.2f%n",
                runs, warmups, total, BATCH, clients, medianHttp, median(cpu), medianRaw, medianHttp / medianRaw);
    }

    /** "run N" for a counted run, "warm-up N" for one of the {@code warmups} before them. */
    static String label(int run, int warmups) {
        return run < 0 ? "warm-up " + (run + warmups + 1) : "run " + (run + 1);
    }

    static List<byte[]> batches(int total) throws Exception {
        List<Observation> observations = SyntheticOperation.observations(total, 7);
        List<byte[]> batches = new ArrayList<>();
        for (int from = 0; from < total; from += BATCH) {
            ArrayNode batch = JsonNodeFactory.instance.arrayNode();
            for (Observation observation : observations.subList(from, Math.min(total, from + BATCH))) {
                batch.add(SyntheticOperation.json(observation));
            }
            batches.add(JSON.writeValueAsBytes(batch));
        }
        return batches;
    }

    /** Observations per second stored over HTTP: {@code operation} defined, then every batch posted. */
    static double overHttp(Path database, Operation operation, List<byte[]> batches, int clients) throws Exception {
        CorridorService service;
        try (Ledger ledger = Ledgers.open("jdbc:sqlite:" + database);
                CorridorServer server = CorridorServer.start(
                        service = CorridorService.start(ledger, InstantSource.system()),
                        TestAccess.of(ledger),
                        new org.corridor.service.TransparencyLog(
                                ledger, org.corridor.integrity.SignedNote.Signer.generate("bench"), "corridor"),
                        "127.0.0.1",
                        0);
                HttpClient http = HttpClient.newHttpClient();
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                java.util.concurrent.ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor()) {
            // As `serve` does: look for other writers' observations twice a second while ingesting.
            follower.scheduleWithFixedDelay(service::followStore, 500, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
            String base = "http://127.0.0.1:" + server.port() + "/api/operations";
            post(http, base, JSON.writeValueAsBytes(OperationWriter.write(operation)));
            String observations = base + "/" + operation.id() + "/observations";
            AtomicInteger next = new AtomicInteger();
            awaitIdleCompilers();
            long jitStart = compilationMillis();
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                        post(http, observations, batches.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            long nanos = System.nanoTime() - start;
            long stored = batches.size() * (long) BATCH;
            lastCpuMicrosPerObservation = (processCpuNanos() - cpuStart) / 1e3 / stored;
            lastCompilationMillis = compilationMillis() - jitStart;
            return stored * 1e9 / nanos;
        }
    }

    /**
     * The CPU time (all threads of this process: server, clients, JIT and GC) that the last {@link #overHttp} spent
     * per observation, in µs: unlike the rate, it hardly moves when other processes share the machine.
     */
    static volatile double lastCpuMicrosPerObservation;

    /** How long the JIT compilers worked during the last {@link #overHttp}, in ms (0 where the JVM does not say). */
    static volatile long lastCompilationMillis;

    /**
     * Waits until the JIT compilers have finished nothing new for 300 ms (at most 20 s), before a measurement starts.
     * Each run starts a new server, and the compilations its start-up queued (Flyway, Jetty, JDBI's parser) otherwise
     * finish on the compiler threads during the measurement, in its CPU time: start-up work, not ingest. A server that
     * has been up a while has none of it.
     */
    static void awaitIdleCompilers() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        long last = compilationMillis();
        for (int quiet = 0; quiet < 3 && System.nanoTime() < deadline; ) {
            Thread.sleep(100);
            long now = compilationMillis();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }

    /** The time the JIT compilers have spent so far, in ms; 0 where the JVM does not measure it. */
    static long compilationMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** The CPU time this process has used so far, every thread. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static void post(HttpClient http, String url, byte[] body) throws Exception {
        HttpResponse<String> response = http.send(
                TestAccess.asAdmin(HttpRequest.newBuilder(URI.create(url)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        if (response.body().contains("\"invalid\"") || response.body().contains("\"conflict\"")) {
            throw new IllegalStateException("an observation was refused: "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

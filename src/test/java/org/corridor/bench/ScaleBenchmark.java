package org.corridor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.corridor.TestAccess;
import org.corridor.core.Times;
import org.corridor.http.CorridorServer;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewEntry;
import org.corridor.ledger.jdbc.Ledgers;
import org.corridor.observation.Observation;
import org.corridor.observation.ObservationJson;
import org.corridor.operation.OperationWriter;
import org.corridor.service.CorridorService;

/**
 * An operation of {@code observations} observations (default 1,000,000) stored in SQLite, then: the time for the
 * server to start on that database (open, migrate, replay into the live tallies), the heap it holds after a full
 * GC, and the median latency of current and {@code asOf} tallies, in process and over HTTP.
 * Run: {@code bench/run -main -Xmx512m org.corridor.bench.ScaleBenchmark [observations]} (the heap limit is the
 * point: it fails with OutOfMemoryError if the server needs more).
 */
public final class ScaleBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path directory = Files.createTempDirectory("corridor-scale");
        String url = "jdbc:sqlite:" + directory.resolve("corridor.db");
        try {
            Instant latest = store(url, total);
            System.gc();
            long before = usedHeap();

            Path snapshots = directory.resolve("snapshots");
            long replayNanos = System.nanoTime();
            try (Ledger ledger = Ledgers.open(url)) {
                CorridorService service = CorridorService.start(ledger, InstantSource.system(), snapshots);
                System.out.printf(
                        "start-up replaying the whole ledger (open, migrate, replay %,d): %.2f s%n",
                        total, (System.nanoTime() - replayNanos) / 1e9);
                long saveNanos = System.nanoTime();
                service.saveSnapshots();
                System.out.printf(
                        "tally snapshot written in %.2f s (%,d MB)%n",
                        (System.nanoTime() - saveNanos) / 1e9,
                        Files.size(snapshots.resolve(SyntheticOperation.OPERATION.id() + ".tally")) >> 20);
            }
            System.gc();
            long startNanos = System.nanoTime();
            try (Ledger ledger = Ledgers.open(url)) {
                CorridorService service = CorridorService.start(ledger, InstantSource.system(), snapshots);
                try (CorridorServer server = CorridorServer.start(
                        service,
                        TestAccess.of(ledger),
                        new org.corridor.service.TransparencyLog(
                                ledger, org.corridor.integrity.SignedNote.Signer.generate("bench"), "corridor"),
                        "127.0.0.1",
                        0)) {
                    double startSeconds = (System.nanoTime() - startNanos) / 1e9;
                    System.gc();
                    long heap = usedHeap() - before;
                    System.out.printf(
                            "start-up on the existing database from its tally snapshot (open, migrate, read %,d facts): %.2f s%n",
                            total, startSeconds);
                    System.out.printf(
                            "heap held by the server after a full GC: %,d MB (max heap %,d MB)%n",
                            heap >> 20, Runtime.getRuntime().maxMemory() >> 20);

                    String operation = SyntheticOperation.OPERATION.id();
                    Instant now = latest.plus(Duration.ofHours(1));
                    Instant halfway = SyntheticOperation.START
                            .toInstant()
                            .plus(Duration.between(SyntheticOperation.START.toInstant(), latest)
                                    .dividedBy(2));
                    System.out.printf(
                            "tallies now, in process: median %.2f ms%n",
                            medianMillis(201, () -> service.tallies(operation, now)));
                    System.out.printf(
                            "tallies asOf halfway, in process: median %.2f ms%n",
                            medianMillis(7, () -> service.tallies(operation, halfway)));
                    HttpClient http = HttpClient.newHttpClient();
                    String base = "http://127.0.0.1:" + server.port() + "/api/operations/" + operation + "/tallies";
                    String nowUrl = base + "?asOf=" + encode(now);
                    String halfwayUrl = base + "?asOf=" + encode(halfway);
                    System.out.printf(
                            "GET tallies now over HTTP: median %.2f ms%n", medianMillis(201, () -> get(http, nowUrl)));
                    System.out.printf(
                            "GET tallies asOf halfway over HTTP: median %.2f ms%n",
                            medianMillis(7, () -> get(http, halfwayUrl)));
                }
            }
        } finally {
            RawSqliteAppend.deleteRecursively(directory);
        }
    }

    /** Stores the definition and the observations straight into the ledger; returns the latest {@code at}. */
    static Instant store(String url, int total) throws Exception {
        long start = System.nanoTime();
        Instant latest = Instant.MIN;
        try (Ledger ledger = Ledgers.open(url)) {
            CorridorService service = CorridorService.start(ledger, InstantSource.system());
            service.defineOperation(
                    JSON.writeValueAsBytes(OperationWriter.write(SyntheticOperation.OPERATION)), "application/json");
            List<Observation> observations = SyntheticOperation.observations(total, 11);
            for (int from = 0; from < total; from += 1_000) {
                List<NewEntry> batch = new ArrayList<>(1_000);
                for (Observation observation : observations.subList(from, Math.min(total, from + 1_000))) {
                    batch.add(ObservationJson.entry(observation, SyntheticOperation.json(observation)));
                    latest = observation.instant().isAfter(latest) ? observation.instant() : latest;
                }
                ledger.append(SyntheticOperation.OPERATION.id(), batch);
            }
        }
        System.out.printf("stored %,d observations in %.1f s%n", total, (System.nanoTime() - start) / 1e9);
        return latest;
    }

    private static String encode(Instant instant) {
        return java.net.URLEncoder.encode(
                Times.format(instant, SyntheticOperation.OPERATION.timezone()),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    static Object get(HttpClient http, String url) {
        try {
            HttpResponse<String> response = http.send(
                    TestAccess.asAdmin(HttpRequest.newBuilder(URI.create(url))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static double medianMillis(int times, java.util.function.Supplier<Object> call) {
        call.get();
        double[] millis = new double[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return IngestBenchmark.median(millis);
    }
}

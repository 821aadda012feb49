package org.corridor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.http.CorridorServer;
import org.corridor.integrity.Frontier;
import org.corridor.integrity.MerkleLog;
import org.corridor.integrity.SignedNote;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewEntry;
import org.corridor.ledger.jdbc.Ledgers;
import org.corridor.observation.Observation;
import org.corridor.observation.ObservationJson;
import org.corridor.operation.OperationWriter;
import org.corridor.service.CorridorService;
import org.corridor.service.TransparencyLog;

/**
 * Ingest over HTTP on PostgreSQL against the floor under it, in the same run: a raw pgjdbc batch insert of the same
 * rows the ledger writes (observations, their Merkle log hashes and references; a commit per 1,000 observations,
 * synchronous_commit on; see {@link #rawInsert}), then the real server with 1 instance, then 2 instances on the same database, each fed by 2 clients
 * posting batches of 1,000. Each run uses fresh schemas. Prints each run and the medians, with the CPU time per
 * observation of this JVM and of the PostgreSQL server while each side ran.
 * Run: {@code bench/run -main org.corridor.bench.PostgresIngestBenchmark JDBC_URL [observations] [runs] [warm-up runs]}.
 */
public final class PostgresIngestBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 1_000;

    private PostgresIngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : System.getenv("CORRIDOR_TEST_PG_URL");
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        List<byte[]> batches = IngestBenchmark.batches(total);
        List<List<NewEntry>> rows = entries(total);
        Measured[] raw = new Measured[runs];
        Measured[] one = new Measured[runs];
        Measured[] two = new Measured[runs];
        for (int run = -warmups; run < runs; run++) {
            // Warm-up runs (as JMH's) let the JIT compile the hot paths first; they are printed, not counted.
            int slot = Math.max(0, run);
            raw[slot] = inSchema(base, url -> rawInsert(url, rows));
            one[slot] = inSchema(base, url -> overHttp(url, batches, 1));
            two[slot] = inSchema(base, url -> overHttp(url, batches, 2));
            System.out.printf(
                    "%s: raw pgjdbc %,.0f rows/s; HTTP, 1 instance %,.0f/s (%.2f); 2 instances %,.0f/s (%.2f);"
                            + " CPU per observation, this JVM + PostgreSQL: raw %s, 1 instance %s, 2 instances %s%n",
                    IngestBenchmark.label(run, warmups),
                    raw[slot].rate(),
                    one[slot].rate(),
                    one[slot].rate() / raw[slot].rate(),
                    two[slot].rate(),
                    two[slot].rate() / raw[slot].rate(),
                    raw[slot].cpu(),
                    one[slot].cpu(),
                    two[slot].cpu());
        }
        double medianRaw = median(raw, Measured::rate);
        System.out.printf(
                "median of %d runs (after %d warm-up), %,d observations in batches of %,d: raw %,.0f/s; 1 instance %,.0f/s, ratio %.2f;"
                        + " 2 instances %,.0f/s, ratio %.2f%n",
                runs,
                warmups,
                total,
                BATCH,
                medianRaw,
                median(one, Measured::rate),
                median(one, Measured::rate) / medianRaw,
                median(two, Measured::rate),
                median(two, Measured::rate) / medianRaw);
        System.out.printf(
                "median CPU per observation, this JVM + PostgreSQL: raw %s; 1 instance %s; 2 instances %s%n",
                medianCpu(raw), medianCpu(one), medianCpu(two));
    }

    /**
     * One side of a run: its rate, and the CPU time per observation that this JVM (servers and clients, or the raw
     * inserts) and the PostgreSQL server (every backend and worker, autovacuum included) used while it ran; -1 where
     * PostgreSQL's is not visible from here ({@link PostgresCpu}).
     */
    record Measured(double rate, double jvmMicros, double postgresMicros) {
        static Measured of(int observations, long nanos, long jvmCpuStart, long postgresCpuStart) {
            long postgres = PostgresCpu.nanos();
            return new Measured(
                    observations * 1e9 / nanos,
                    (IngestBenchmark.processCpuNanos() - jvmCpuStart) / 1e3 / observations,
                    postgres < 0 || postgresCpuStart < 0 ? -1 : (postgres - postgresCpuStart) / 1e3 / observations);
        }

        String cpu() {
            return postgresMicros < 0
                    ? "%.1f µs + unknown".formatted(jvmMicros)
                    : "%.1f + %.1f µs".formatted(jvmMicros, postgresMicros);
        }
    }

    private static String medianCpu(Measured[] runs) {
        return new Measured(
                        median(runs, Measured::rate),
                        median(runs, Measured::jvmMicros),
                        median(runs, Measured::postgresMicros))
                .cpu();
    }

    private static double median(Measured[] runs, java.util.function.ToDoubleFunction<Measured> figure) {
        return IngestBenchmark.median(
                java.util.Arrays.stream(runs).mapToDouble(figure).toArray());
    }

    private interface InSchema {
        Measured run(String url) throws Exception;
    }

    private static Measured inSchema(String base, InSchema work) throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "");
        execute(base, "CREATE SCHEMA " + schema);
        try {
            return work.run(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            execute(base, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /**
     * The floor: the rows the ledger writes for these observations, inserted by plain pgjdbc batches (one
     * {@code addBatch} per row, {@code executeBatch} per table, which the driver sends as multi-row INSERTs, a commit
     * per 1,000 observations), into tables with the ledger's columns, primary keys and unique ids but none of its triggers or
     * foreign keys: each observation's row with its canonical body, the Merkle log's hashes it completes (about two
     * per observation, computed beforehand, not timed) and each batch's references.
     */
    private static Measured rawInsert(String url, List<List<NewEntry>> rows) throws Exception {
        // reWriteBatchedInserts: the driver sends each batch as multi-row INSERTs, its fastest plain batch mode.
        try (Connection connection = DriverManager.getConnection(url + "&reWriteBatchedInserts=true")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET synchronous_commit = on");
                statement.execute("CREATE TABLE observation (operation_id TEXT NOT NULL, seq BIGINT NOT NULL,"
                        + " id TEXT NOT NULL, type TEXT NOT NULL, at_utc TEXT NOT NULL, body TEXT NOT NULL,"
                        + " stored_at TEXT NOT NULL, PRIMARY KEY (operation_id, seq), UNIQUE (operation_id, id))");
                statement.execute("CREATE TABLE log_node (operation_id TEXT NOT NULL, level SMALLINT NOT NULL,"
                        + " idx BIGINT NOT NULL, hash BYTEA NOT NULL, PRIMARY KEY (operation_id, level, idx))");
                statement.execute("CREATE TABLE observation_ref (operation_id TEXT NOT NULL, kind TEXT NOT NULL,"
                        + " ref_id TEXT NOT NULL, PRIMARY KEY (operation_id, kind, ref_id))");
            }
            connection.setAutoCommit(false);
            String operation = SyntheticOperation.OPERATION.id();
            Frontier frontier = new Frontier();
            List<List<Frontier.Subtree>> hashes = new ArrayList<>();
            for (List<NewEntry> batch : rows) {
                for (NewEntry entry : batch) {
                    hashes.add(frontier.append(MerkleLog.leafHash(entry.body().getBytes(StandardCharsets.UTF_8))));
                }
            }
            String storedAt = "2016-12-19T06:10:00.000Z";
            long seq = 0;
            int stored = 0;
            long jvmCpu = IngestBenchmark.processCpuNanos();
            long postgresCpu = PostgresCpu.nanos();
            long start = System.nanoTime();
            try (PreparedStatement observations =
                            connection.prepareStatement("INSERT INTO observation VALUES (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement logNodes =
                            connection.prepareStatement("INSERT INTO log_node VALUES (?, ?, ?, ?)");
                    PreparedStatement references = connection.prepareStatement(
                            "INSERT INTO observation_ref VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (List<NewEntry> batch : rows) {
                    Set<List<String>> used = new LinkedHashSet<>();
                    for (NewEntry entry : batch) {
                        seq++;
                        observations.setString(1, operation);
                        observations.setLong(2, seq);
                        observations.setString(3, entry.id().toString());
                        observations.setString(4, entry.type());
                        observations.setString(5, entry.atUtc());
                        observations.setString(6, entry.body());
                        observations.setString(7, storedAt);
                        observations.addBatch();
                        for (Frontier.Subtree subtree : hashes.get((int) seq - 1)) {
                            logNodes.setString(1, operation);
                            logNodes.setInt(2, subtree.level());
                            logNodes.setLong(3, subtree.index());
                            logNodes.setBytes(4, subtree.hash());
                            logNodes.addBatch();
                        }
                        entry.references().sites().forEach(id -> used.add(List.of("site", id)));
                        entry.references().movements().forEach(id -> used.add(List.of("movement", id)));
                        entry.references().monitors().forEach(id -> used.add(List.of("monitor", id)));
                        entry.references().parties().forEach(id -> used.add(List.of("party", id)));
                    }
                    for (List<String> reference : used) {
                        references.setString(1, operation);
                        references.setString(2, reference.get(0));
                        references.setString(3, reference.get(1));
                        references.addBatch();
                    }
                    observations.executeBatch();
                    logNodes.executeBatch();
                    references.executeBatch();
                    connection.commit();
                    stored += batch.size();
                }
            }
            return Measured.of(stored, System.nanoTime() - start, jvmCpu, postgresCpu);
        }
    }

    /** The ledger's entries for the synthetic observations, in batches of {@value #BATCH}: the rows the raw side writes. */
    private static List<List<NewEntry>> entries(int total) {
        List<Observation> observations = SyntheticOperation.observations(total, 7);
        List<List<NewEntry>> batches = new ArrayList<>();
        for (int from = 0; from < total; from += BATCH) {
            batches.add(observations.subList(from, Math.min(total, from + BATCH)).stream()
                    .map(observation -> ObservationJson.entry(observation, SyntheticOperation.json(observation)))
                    .toList());
        }
        return batches;
    }

    private static Measured overHttp(String url, List<byte[]> batches, int instances) throws Exception {
        List<Ledger> ledgers = new ArrayList<>();
        List<CorridorServer> servers = new ArrayList<>();
        List<AutoCloseable> watches = new ArrayList<>();
        SignedNote.Signer key = SignedNote.Signer.generate("bench");
        try (HttpClient http = HttpClient.newHttpClient();
                ExecutorService pool = Executors.newFixedThreadPool(2 * instances)) {
            for (int i = 0; i < instances; i++) {
                Ledger ledger = Ledgers.open(url);
                ledgers.add(ledger);
                CorridorService service = CorridorService.start(ledger, InstantSource.system());
                watches.add(ledger.watchChanges(operationId -> service.followSoon()));
                servers.add(CorridorServer.start(
                        service,
                        org.corridor.TestAccess.of(ledger),
                        new TransparencyLog(ledger, key, "corridor"),
                        "127.0.0.1",
                        0));
            }
            String first = "http://127.0.0.1:" + servers.getFirst().port() + "/api/operations";
            IngestBenchmark.post(
                    http, first, JSON.writeValueAsBytes(OperationWriter.write(SyntheticOperation.OPERATION)));
            Thread.sleep(500); // every instance has taken up the definition
            AtomicInteger next = new AtomicInteger();
            long jvmCpu = IngestBenchmark.processCpuNanos();
            long postgresCpu = PostgresCpu.nanos();
            long start = System.nanoTime();
            List<Future<?>> clients = new ArrayList<>();
            for (int client = 0; client < 2 * instances; client++) {
                String observations =
                        "http://127.0.0.1:" + servers.get(client % instances).port() + "/api/operations/"
                                + SyntheticOperation.OPERATION.id() + "/observations";
                clients.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                        IngestBenchmark.post(http, observations, batches.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            return Measured.of(batches.size() * BATCH, System.nanoTime() - start, jvmCpu, postgresCpu);
        } finally {
            for (AutoCloseable watch : watches) {
                watch.close();
            }
            servers.forEach(CorridorServer::close);
            ledgers.forEach(Ledger::close);
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

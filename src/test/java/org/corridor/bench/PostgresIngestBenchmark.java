package org.corridor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.http.CorridorServer;
import org.corridor.integrity.SignedNote;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.jdbc.Ledgers;
import org.corridor.operation.OperationWriter;
import org.corridor.service.CorridorService;
import org.corridor.service.TransparencyLog;

/**
 * Ingest over HTTP on PostgreSQL against the floor under it, in the same run: a raw pgjdbc batch insert of the same
 * number of observation-sized rows (a commit per 1,000, synchronous_commit on, a primary key and a unique id as the
 * ledger has), then the real server with 1 instance, then 2 instances on the same database, each fed by 2 clients
 * posting batches of 1,000. Each run uses fresh schemas. Prints each run and the medians.
 * Run: {@code bench/run -main org.corridor.bench.PostgresIngestBenchmark JDBC_URL [observations] [runs]}.
 */
public final class PostgresIngestBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 1_000;

    private PostgresIngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : System.getenv("CORRIDOR_TEST_PG_URL");
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<byte[]> batches = IngestBenchmark.batches(total);
        double[] raw = new double[runs];
        double[] one = new double[runs];
        double[] two = new double[runs];
        for (int run = 0; run < runs; run++) {
            raw[run] = inSchema(base, url -> rawInsert(url, total));
            one[run] = inSchema(base, url -> overHttp(url, batches, 1));
            two[run] = inSchema(base, url -> overHttp(url, batches, 2));
            System.out.printf(
                    "run %d: raw pgjdbc %,.0f rows/s; HTTP, 1 instance %,.0f/s (%.2f); 2 instances %,.0f/s (%.2f)%n",
                    run + 1, raw[run], one[run], one[run] / raw[run], two[run], two[run] / raw[run]);
        }
        double medianRaw = IngestBenchmark.median(raw);
        System.out.printf(
                "median of %d runs, %,d observations in batches of %,d: raw %,.0f/s; 1 instance %,.0f/s, ratio %.2f;"
                        + " 2 instances %,.0f/s, ratio %.2f%n",
                runs,
                total,
                BATCH,
                medianRaw,
                IngestBenchmark.median(one),
                IngestBenchmark.median(one) / medianRaw,
                IngestBenchmark.median(two),
                IngestBenchmark.median(two) / medianRaw);
    }

    private interface InSchema {
        double run(String url) throws Exception;
    }

    private static double inSchema(String base, InSchema work) throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "");
        execute(base, "CREATE SCHEMA " + schema);
        try {
            return work.run(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            execute(base, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static double rawInsert(String url, int total) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET synchronous_commit = on");
                statement.execute("CREATE TABLE raw (operation_id TEXT NOT NULL, seq BIGINT NOT NULL, id TEXT NOT NULL,"
                        + " type TEXT NOT NULL, at_utc TEXT NOT NULL, body TEXT NOT NULL, stored_at TEXT NOT NULL,"
                        + " PRIMARY KEY (operation_id, seq), UNIQUE (operation_id, id))");
            }
            connection.setAutoCommit(false);
            String body = "{\"padding\":\"" + "x".repeat(200) + "\"}";
            long start = System.nanoTime();
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO raw VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int seq = 1; seq <= total; seq++) {
                    insert.setString(1, "op");
                    insert.setLong(2, seq);
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setString(4, "convoy.departed");
                    insert.setString(5, "2016-12-19T06:10:00Z");
                    insert.setString(6, body);
                    insert.setString(7, "2016-12-19T06:10:00Z");
                    insert.addBatch();
                    if (seq % BATCH == 0 || seq == total) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            return total * 1e9 / (System.nanoTime() - start);
        }
    }

    private static double overHttp(String url, List<byte[]> batches, int instances) throws Exception {
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
            return batches.size() * (double) BATCH * 1e9 / (System.nanoTime() - start);
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

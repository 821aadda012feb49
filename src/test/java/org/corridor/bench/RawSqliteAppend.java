package org.corridor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The floor under the ledger's append rate: plain JDBC batch inserts of observation-sized rows into SQLite with the
 * ledger's settings (WAL, synchronous=FULL, a 32 MiB cache, a commit per batch), with no duplicate checks, triggers or references.
 * The HTTP ingest benchmark compares against this. Run: {@code bench/run -main org.corridor.bench.RawSqliteAppend [rows] [batchSize] [FULL|OFF] [without-id-index]};
 * {@code synchronous} is FULL (the ledger's, and the default) or OFF, to see what the fsyncs cost.
 */
public final class RawSqliteAppend {
    private static final String BODY_PADDING = "x".repeat(160);

    /** What one run measured. */
    public record Rate(long rows, int batchSize, String synchronous, long nanos) {
        public double rowsPerSecond() {
            return rows * 1e9 / nanos;
        }

        public double millisPerBatch() {
            return nanos / 1e6 / Math.ceilDiv(rows, batchSize);
        }

        @Override
        public String toString() {
            return "%,d rows in batches of %,d, synchronous=%s: %,.0f rows/s, %.2f ms per batch (one commit each)"
                    .formatted(rows, batchSize, synchronous, rowsPerSecond(), millisPerBatch());
        }
    }

    private RawSqliteAppend() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        String synchronous = args.length > 2 ? args[2] : "FULL";
        boolean idIndex = args.length <= 3 || !args[3].equals("without-id-index");
        Path directory = Files.createTempDirectory("corridor-raw-append");
        try {
            long cpu = IngestBenchmark.processCpuNanos();
            Rate rate = measure(directory.resolve("raw.db"), rows, batchSize, synchronous, idIndex);
            System.out.printf(
                    "%s%s, %.1f µs of CPU per row%n",
                    rate,
                    idIndex ? "" : ", without the unique index on ids",
                    (IngestBenchmark.processCpuNanos() - cpu) / 1e3 / rows);
        } finally {
            deleteRecursively(directory);
        }
    }

    /** Appends {@code rows} rows to a new table in {@code file}, {@code batchSize} per transaction. */
    public static Rate measure(Path file, int rows, int batchSize, String synchronous) throws SQLException {
        return measure(file, rows, batchSize, synchronous, true);
    }

    /**
     * As {@link #measure(Path, int, int, String)}; without {@code idIndex}, the table has no unique index on its
     * random UUIDs, to show what that index costs (the ledger cannot do without it).
     */
    public static Rate measure(Path file, int rows, int batchSize, String synchronous, boolean idIndex)
            throws SQLException {
        if (!synchronous.equals("FULL") && !synchronous.equals("OFF")) {
            throw new IllegalArgumentException("synchronous must be FULL or OFF, was " + synchronous);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            configure(connection, synchronous, idIndex);
            long start = System.nanoTime();
            for (int first = 1; first <= rows; first += batchSize) {
                insertBatch(connection, first, Math.min(rows, first + batchSize - 1));
            }
            return new Rate(rows, batchSize, synchronous, System.nanoTime() - start);
        }
    }

    private static void configure(Connection connection, String synchronous, boolean idIndex) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=" + synchronous);
            statement.execute("PRAGMA foreign_keys=ON");
            statement.execute("PRAGMA busy_timeout=10000");
            statement.execute("PRAGMA cache_size=-32768");
            statement.execute("CREATE TABLE observation (operation_id TEXT NOT NULL, seq INTEGER NOT NULL,"
                    + " id TEXT NOT NULL, type TEXT NOT NULL, at_utc TEXT NOT NULL, body TEXT NOT NULL,"
                    + " stored_at TEXT NOT NULL, PRIMARY KEY (operation_id, seq)"
                    + (idIndex ? ", UNIQUE (operation_id, id))" : ")"));
        }
        connection.setAutoCommit(false);
    }

    private static void insertBatch(Connection connection, int first, int last) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO observation (operation_id, seq, id, type, at_utc, body, stored_at)"
                        + " VALUES ('bench', ?, ?, 'convoy.departed', '2016-12-19T06:10:00Z', ?, '2016-12-19T06:10:01Z')")) {
            for (int seq = first; seq <= last; seq++) {
                String id = UUID.randomUUID().toString();
                insert.setLong(1, seq);
                insert.setString(2, id);
                insert.setString(3, "{\"id\":\"" + id + "\",\"people\":" + seq + ",\"note\":\"" + BODY_PADDING + "\"}");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

package org.corridor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.corridor.TestAccess;
import org.corridor.core.Times;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Tallies at ten million observations on PostgreSQL (issue 5), in three steps run as separate commands:
 *
 * <ul>
 *   <li>{@code load JDBC_URL SCHEMA [observations] [secondsBetweenConvoys]}: makes the schema, lets the ledger migrate
 *       it and store the synthetic operation's definition, then bulk-loads the observations with {@code COPY}: the
 *       same rows the ledger's append writes (canonical JSON bodies, the Merkle log's leaf and subtree hashes from
 *       the same {@link Frontier}, the references), {@value #CHUNK} observations per {@code COPY} and transaction, so
 *       that the ledger's statement trigger checks each chunk's sequence for gaps as it does for an append.
 *   <li>{@code measure JDBC_URL SCHEMA [samples] [snapshotDirectory]}: starts the service and server on it, first replaying the whole
 *       ledger, then from the tally snapshot that start wrote (kept in the directory given, if any, where a
 *       later run finds it and skips the full replay); prints the start-up times, the heap held after a full
 *       GC and the process's resident memory, then current and {@code asOf} tallies in process and over HTTP.
 *   <li>{@code drop JDBC_URL SCHEMA}: drops the schema and everything in it.
 * </ul>
 *
 * Run: {@code bench/run -main -Xmx6g org.corridor.bench.PostgresScaleBenchmark load "$CORRIDOR_TEST_PG_URL" scale10m
 * 10000000 4}.
 */
public final class PostgresScaleBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 200_000;
    private static final String OPERATION = SyntheticOperation.OPERATION.id();

    private PostgresScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: load|measure|drop JDBC_URL SCHEMA [count] [seconds]");
        }
        String base = args[1];
        String schema = args[2];
        if (!schema.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a schema name of lower-case letters, digits and _: " + schema);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        switch (args[0]) {
            case "load" ->
                load(
                        base,
                        schema,
                        url,
                        args.length > 3 ? Long.parseLong(args[3]) : 10_000_000L,
                        args.length > 4 ? Integer.parseInt(args[4]) : 4);
            case "measure" ->
                measure(
                        url,
                        args.length > 3 ? Integer.parseInt(args[3]) : 1001,
                        args.length > 4 ? Path.of(args[4]) : null);
            case "drop" -> execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            default -> throw new IllegalArgumentException("load, measure or drop, not " + args[0]);
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void load(String base, String schema, String url, long total, int secondsBetweenConvoys)
            throws Exception {
        execute(base, "CREATE SCHEMA " + schema);
        try (Ledger ledger = Ledgers.open(url)) {
            CorridorService.start(ledger, InstantSource.system())
                    .defineOperation(
                            JSON.writeValueAsBytes(OperationWriter.write(SyntheticOperation.OPERATION)),
                            "application/json");
        }
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            Loader loader = new Loader(connection);
            List<Observation> chunk = new ArrayList<>(CHUNK);
            SyntheticOperation.generate(total, 11, secondsBetweenConvoys, observation -> {
                chunk.add(observation);
                if (chunk.size() == CHUNK) {
                    loader.copy(chunk);
                    chunk.clear();
                    System.out.printf(
                            "%,d observations stored, %.0f s%n", loader.seq, (System.nanoTime() - start) / 1e9);
                }
            });
            loader.copy(chunk);
            loader.references();
            System.out.printf(
                    "bulk-loaded %,d observations with %,d log hashes by COPY in %.1f s; latest at %s%n",
                    loader.seq, loader.nodes, (System.nanoTime() - start) / 1e9, loader.latest);
        }
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }

    /** Writes chunks of observations with COPY, as the ledger's append would store them. */
    private static final class Loader {
        private final Connection connection;
        private final CopyManager copy;
        private final Frontier frontier = new Frontier();
        private final Set<Map.Entry<String, String>> references = new LinkedHashSet<>();
        private final String storedAt =
                Times.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), java.time.ZoneOffset.UTC);
        private long seq;
        private long nodes;
        private Instant latest = Instant.MIN;

        Loader(Connection connection) throws Exception {
            this.connection = connection;
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        }

        void copy(List<Observation> chunk) {
            if (chunk.isEmpty()) {
                return;
            }
            try {
                List<NewEntry> entries = chunk.parallelStream()
                        .map(o -> ObservationJson.entry(o, SyntheticOperation.json(o)))
                        .toList();
                List<byte[]> leaves = entries.parallelStream()
                        .map(e -> MerkleLog.leafHash(e.body().getBytes(StandardCharsets.UTF_8)))
                        .toList();
                StringBuilder rows = new StringBuilder(chunk.size() * 600);
                StringBuilder hashes = new StringBuilder(chunk.size() * 160);
                HexFormat hex = HexFormat.of();
                for (int i = 0; i < entries.size(); i++) {
                    NewEntry entry = entries.get(i);
                    long next = ++seq;
                    rows.append(OPERATION)
                            .append('\t')
                            .append(next)
                            .append('\t')
                            .append(entry.id())
                            .append('\t')
                            .append(entry.type())
                            .append('\t')
                            .append(entry.atUtc())
                            .append('\t');
                    escape(entry.body(), rows);
                    rows.append('\t').append(storedAt).append('\n');
                    for (Frontier.Subtree subtree : frontier.append(leaves.get(i))) {
                        hashes.append(OPERATION)
                                .append('\t')
                                .append(subtree.level())
                                .append('\t')
                                .append(subtree.index())
                                .append("\t\\\\x")
                                .append(hex.formatHex(subtree.hash()))
                                .append('\n');
                        nodes++;
                    }
                    Observation observation = chunk.get(i);
                    latest = observation.instant().isAfter(latest) ? observation.instant() : latest;
                    for (String site : entry.references().sites()) {
                        references.add(Map.entry("site", site));
                    }
                    for (String movement : entry.references().movements()) {
                        references.add(Map.entry("movement", movement));
                    }
                    for (String monitor : entry.references().monitors()) {
                        references.add(Map.entry("monitor", monitor));
                    }
                    for (String party : entry.references().parties()) {
                        references.add(Map.entry("party", party));
                    }
                }
                copy.copyIn(
                        "COPY observation (operation_id, seq, id, type, at_utc, body, stored_at) FROM STDIN",
                        new StringReader(rows.toString()));
                copy.copyIn(
                        "COPY log_node (operation_id, level, idx, hash) FROM STDIN",
                        new StringReader(hashes.toString()));
                connection.commit();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void references() throws Exception {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO observation_ref (operation_id, kind, ref_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (Map.Entry<String, String> reference : references) {
                    insert.setString(1, OPERATION);
                    insert.setString(2, reference.getKey());
                    insert.setString(3, reference.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }

        /** COPY's text format: backslash, tab, newline and carriage return escaped. */
        private static void escape(String text, StringBuilder out) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
    }

    private static void measure(String url, int samples, Path kept) throws Exception {
        Path snapshots = kept != null ? kept : Files.createTempDirectory("corridor-scale-pg");
        try {
            System.gc();
            long heapBefore = usedHeap();
            long replayNanos = System.nanoTime();
            if (Files.isRegularFile(snapshots.resolve(OPERATION + ".tally"))) {
                System.out.println("a tally snapshot is there already: the full replay is skipped");
            } else
                try (Ledger ledger = Ledgers.open(url)) {
                    CorridorService service = CorridorService.start(ledger, InstantSource.system(), snapshots);
                    System.out.printf(
                            "start-up replaying the whole ledger from PostgreSQL (%,d observations): %.1f s%n",
                            service.size(OPERATION), (System.nanoTime() - replayNanos) / 1e9);
                    long saveNanos = System.nanoTime();
                    service.saveSnapshots();
                    System.out.printf(
                            "tally snapshot written in %.1f s (%,d MB)%n",
                            (System.nanoTime() - saveNanos) / 1e9,
                            Files.size(snapshots.resolve(OPERATION + ".tally")) >> 20);
                }
            System.gc();
            long startNanos = System.nanoTime();
            try (Ledger ledger = Ledgers.open(url)) {
                CorridorService service = CorridorService.start(ledger, InstantSource.system(), snapshots);
                try (CorridorServer server = CorridorServer.start(
                        service,
                        // one token sends every request here: no rate limit in the way of the measurement
                        org.corridor.access.Access.start(
                                Ledgers.accessStore(ledger),
                                org.corridor.access.AccessSettings.defaults(TestAccess.ADMIN_TOKEN)
                                        .withRate(100_000, 1_000_000),
                                InstantSource.system()),
                        new TransparencyLog(ledger, SignedNote.Signer.generate("bench"), "corridor"),
                        "127.0.0.1",
                        0)) {
                    System.out.printf(
                            "start-up from the tally snapshot (open, migrate, read the facts, serve): %.2f s%n",
                            (System.nanoTime() - startNanos) / 1e9);
                    System.gc();
                    System.out.printf(
                            "heap held after a full GC: %,d MB; resident set of the process: %,d MB (max heap %,d MB)%n",
                            (usedHeap() - heapBefore) >> 20,
                            residentMegabytes(),
                            Runtime.getRuntime().maxMemory() >> 20);
                    tallies(service, server, samples);
                    System.gc();
                    System.out.printf(
                            "heap held after the asOf questions (with the sums kept for earlier moments), after a full"
                                    + " GC: %,d MB; resident set: %,d MB%n",
                            (usedHeap() - heapBefore) >> 20, residentMegabytes());
                }
            }
        } finally {
            if (kept == null) {
                RawSqliteAppend.deleteRecursively(snapshots);
            }
        }
    }

    private static void tallies(CorridorService service, CorridorServer server, int samples) {
        Instant first = SyntheticOperation.START.toInstant();
        // The latest observation's moment: the last entry's (the generator's times only grow).
        List<org.corridor.ledger.StoredEntry> last = service.observations(OPERATION, service.size(OPERATION) - 1, 1);
        Instant latest = Instant.parse(readAt(last.getFirst().body()));
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port() + "/api/operations/" + OPERATION + "/tallies";
        print("tallies now, in process", times(50, samples, () -> service.tallies(OPERATION, null)));
        print("GET tallies now over HTTP", times(50, samples, () -> ScaleBenchmark.get(http, base)));
        Duration span = Duration.between(first, latest);
        for (double fraction : new double[] {0.1, 0.5, 0.9, 0.999}) {
            Instant asOf = first.plus(Duration.ofSeconds((long) (span.toSeconds() * fraction)));
            String label = "asOf %.1f%% of the way (%s)".formatted(fraction * 100, asOf);
            long firstNanos = System.nanoTime();
            service.tallies(OPERATION, asOf);
            System.out.printf("%s, first call in process: %.1f ms%n", label, (System.nanoTime() - firstNanos) / 1e6);
            print(label + ", in process", times(2, 9, () -> service.tallies(OPERATION, asOf)));
            String asOfUrl = base + "?asOf="
                    + java.net.URLEncoder.encode(
                            Times.format(asOf, SyntheticOperation.OPERATION.timezone()), StandardCharsets.UTF_8);
            print(label + ", over HTTP", times(2, 9, () -> ScaleBenchmark.get(http, asOfUrl)));
        }
    }

    private static String readAt(String body) {
        try {
            String at = JSON.readTree(body).get("at").textValue();
            return java.time.OffsetDateTime.parse(at).toInstant().toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double[] times(int warmUp, int samples, Supplier<Object> call) {
        for (int i = 0; i < warmUp; i++) {
            call.get();
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void print(String label, double[] sorted) {
        System.out.printf(
                "%s: median %.2f ms, p99 %.2f ms (%d calls)%n",
                label, sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.99) - 1], sorted.length);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (java.io.IOException e) {
            // not on Linux: no figure
        }
        return -1;
    }
}

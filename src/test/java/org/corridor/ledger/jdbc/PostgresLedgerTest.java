package org.corridor.ledger.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.corridor.ledger.AppendResult;
import org.corridor.ledger.AppendResult.Outcome;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.StoredEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger contract on PostgreSQL, each test in a schema of its own, and what is particular to PostgreSQL. The
 * database is the one {@code CORRIDOR_TEST_PG_URL} names (.ci/run starts one); without it the tests are skipped,
 * except on CI ({@code CI=true}), where they fail so that they cannot be skipped unnoticed.
 */
class PostgresLedgerTest extends LedgerContract {
    static final String URL_VARIABLE = "CORRIDOR_TEST_PG_URL";

    private static String baseUrl;
    private String schema;

    /** On CI a missing database fails the class once, loudly; elsewhere each test is skipped saying why. */
    @BeforeAll
    static void findDatabase() {
        baseUrl = System.getenv(URL_VARIABLE);
        if ((baseUrl == null || baseUrl.isBlank()) && "true".equals(System.getenv("CI"))) {
            Assertions.fail(missingDatabase() + ". On CI (CI=true) they must run, not be skipped");
        }
    }

    private static String missingDatabase() {
        return URL_VARIABLE + " is not set, so the PostgreSQL ledger tests cannot run; set it to a"
                + " jdbc:postgresql:// URL of a database whose user may create schemas (.ci/run starts one)";
    }

    @Override
    Ledger open(InstantSource clock) {
        Assumptions.assumeTrue(baseUrl != null && !baseUrl.isBlank(), () -> missingDatabase() + ": skipped");
        if (schema == null) {
            schema = "ledger_test_" + UUID.randomUUID().toString().replace("-", "");
            execute("CREATE SCHEMA " + schema);
        }
        return Ledgers.open(urlWith("currentSchema=" + schema), clock);
    }

    @AfterEach
    void dropSchema() {
        if (ledger != null) {
            ledger.close();
        }
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static String urlWith(String parameter) {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + parameter;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(baseUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on the test database: " + e.getMessage(), e);
        }
    }

    private String setting(String name) {
        return sql(
                handle -> handle.createQuery("SHOW " + name).mapTo(String.class).one());
    }

    @Test
    void connections_commitSynchronously() {
        assertThat(setting("synchronous_commit")).isEqualTo("on");
    }

    @Test
    void connections_reusedAfterAWrite_stillCommitSynchronously() {
        defineOperation();
        ledger.append(OP, entries(1, 3));

        assertThat(setting("synchronous_commit")).isEqualTo("on");
    }

    @Test
    void migrations_makeTheLedgerInTheConnectionsSchema() {
        int tables = sql(handle -> handle.createQuery("SELECT count(*) FROM information_schema.tables"
                        + " WHERE table_schema = :schema AND table_name IN"
                        + " ('operation', 'observation', 'observation_ref')")
                .bind("schema", schema)
                .mapTo(Integer.class)
                .one());

        assertThat(tables).isEqualTo(3);
    }

    @Test
    void storedObservations_refuseTruncateEvenInSql() {
        defineOperation();
        ledger.append(OP, entries(1, 2));

        assertThatThrownBy(() -> sql(handle -> handle.execute("TRUNCATE observation_ref")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql(handle -> handle.execute("TRUNCATE operation CASCADE")))
                .hasMessageContaining("append-only");
        assertThat(ledger.size(OP)).isEqualTo(2);
    }

    /**
     * The foreign keys of observation and log_node to operation are kept per statement (V9): rows for an operation
     * that is not stored are refused, and a stored operation is neither deleted nor renamed.
     */
    @Test
    void rowsOfAnUnknownOperation_areRefused_andAStoredOperationStays() {
        defineOperation();
        ledger.append(OP, entries(1, 2));

        assertThatThrownBy(() -> sql(handle -> handle.execute(
                        "INSERT INTO log_node (operation_id, level, idx, hash) VALUES ('nowhere', 0, 0, sha256('x'))")))
                .hasMessageContaining("stored operation");
        assertThatThrownBy(() -> sql(handle -> handle.execute("INSERT INTO observation"
                        + " (operation_id, seq, id, type, at_utc, body, stored_at)"
                        + " VALUES ('nowhere', 1, 'x', 'convoy.passed', 'x', '{}', 'x')")))
                .hasMessageContaining("no gaps");
        assertThatThrownBy(() -> sql(handle -> handle.execute("DELETE FROM operation")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql(handle -> handle.execute("UPDATE operation SET id = 'renamed'")))
                .hasMessageContaining("append-only");
        assertThat(ledger.size(OP)).isEqualTo(2);
    }

    /** Two ledgers on one database stand for two server processes: their appends interleave without a gap. */
    @Test
    void append_fromTwoLedgersOnOneDatabase_givesSeqsWithoutGapsOrDuplicates() throws Exception {
        defineOperation();
        Ledger other = Ledgers.open(urlWith("currentSchema=" + schema), InstantSource.fixed(STORED_AT));
        try {
            Thread second = Thread.ofPlatform().start(() -> {
                for (int n = 501; n <= 1000; n += 20) {
                    other.append(OP, entries(n, n + 19));
                }
            });
            for (int n = 1; n <= 500; n += 20) {
                ledger.append(OP, entries(n, n + 19));
            }
            second.join();
        } finally {
            other.close();
        }

        List<StoredEntry> stored = ledger.read(OP, 0, 2_000);
        assertThat(stored).extracting(StoredEntry::seq).containsExactlyElementsOf(seqs(1, 1000));
        assertThat(stored).extracting(StoredEntry::id).doesNotHaveDuplicates().hasSize(1000);
    }

    /** The same new id sent through two servers at once is stored once; the other sees it as a duplicate. */
    @Test
    void append_sameIdThroughTwoLedgersAtOnce_isStoredOnce() throws Exception {
        defineOperation();
        Ledger other = Ledgers.open(urlWith("currentSchema=" + schema), InstantSource.fixed(STORED_AT));
        List<AppendResult> mine;
        List<AppendResult> theirs;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> ledger.append(OP, entries(1, 200)));
            var second = pool.submit(() -> other.append(OP, entries(1, 200)));
            mine = first.get();
            theirs = second.get();
        } finally {
            other.close();
        }

        assertThat(ledger.size(OP)).isEqualTo(200);
        assertThat(List.of(mine, theirs))
                .extracting(results -> results.getFirst().outcome())
                .containsExactlyInAnyOrder(Outcome.CREATED, Outcome.DUPLICATE);
        assertThat(mine)
                .extracting(AppendResult::seq)
                .isEqualTo(theirs.stream().map(AppendResult::seq).toList());
    }

    private static List<Long> seqs(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }
}

package org.corridor.ledger.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.corridor.core.StorageException;
import org.corridor.integrity.BatchedNodes;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The ledger's PostgreSQL settings: every connection commits synchronously, and appends to one operation take turns
 * by locking its row ({@code SELECT ... FOR UPDATE}), which holds across processes and servers sharing the database.
 */
final class Postgres implements Dialect {
    static final String URL_PREFIX = "jdbc:postgresql:";
    private static final int MAX_IDLE_CONNECTIONS = 8;

    /**
     * Sent with every connection's start-up, where it overrides the server's, the database's and the role's
     * defaults: an append is acknowledged only once its commit is flushed to disk (on the primary; with synchronous
     * replicas configured, there too). Plans are made for each execution, never cached as generic ones: a generic
     * plan chosen while a table was small (a scan) stayed in use as it grew, until autoanalyze, and an append of
     * 1,000 observations went from 80 ms to 600 ms in between.
     */
    private static final String SESSION_SETTINGS = "-c synchronous_commit=on -c plan_cache_mode=force_custom_plan";

    private final String location;
    private final PGSimpleDataSource dataSource;
    private final PooledConnections connections;

    private Postgres(String location, PGSimpleDataSource dataSource) {
        this.location = location;
        this.dataSource = dataSource;
        this.connections = new PooledConnections(dataSource, MAX_IDLE_CONNECTIONS);
    }

    /** The PostgreSQL database a {@code jdbc:postgresql://HOST:PORT/DATABASE?user=...} URL names. */
    static Postgres open(String jdbcUrl) {
        String location = locationOf(jdbcUrl);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setURL(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new StorageException(
                    "the PostgreSQL URL for " + location + " is not one the driver understands; use"
                            + " jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD",
                    null);
        }
        String options = dataSource.getOptions();
        dataSource.setOptions(
                options == null || options.isBlank() ? SESSION_SETTINGS : options + " " + SESSION_SETTINGS);
        dataSource.setApplicationName("corridor");
        // A batch goes as multi-row INSERTs: fewer round trips, and the ledger's statement triggers run per statement.
        dataSource.setReWriteBatchedInserts(true);
        return new Postgres(location, dataSource);
    }

    /** Where the URL points, without its parameters or any user information, since either may hold a password. */
    static String locationOf(String jdbcUrl) {
        String rest = jdbcUrl.substring(URL_PREFIX.length());
        int query = rest.indexOf('?');
        rest = query >= 0 ? rest.substring(0, query) : rest;
        int credentials = rest.lastIndexOf('@');
        if (rest.startsWith("//") && credentials >= 0) {
            rest = "//" + rest.substring(credentials + 1);
        }
        return rest;
    }

    @Override
    public String describe() {
        return "the PostgreSQL database " + location;
    }

    @Override
    public String migrations() {
        return "classpath:db/migration/postgresql";
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public ConnectionFactory connections() {
        return connections;
    }

    /** Waits for, then holds until commit, the operation's row: other appends to it wait, other operations do not. */
    @Override
    public String selectLastSeqForAppend() {
        return "SELECT last_seq FROM operation WHERE id = :id FOR UPDATE";
    }

    /**
     * A transaction-scoped advisory lock, so that two definitions stored at once (even of different operations)
     * neither both insert the same id nor take the same ordinal. Appends do not take it.
     */
    @Override
    public void lockDefinitions(Handle handle) {
        handle.execute("SELECT pg_advisory_xact_lock(hashtextextended('org.corridor.ledger.definitions', 0))");
    }

    /** Read committed: each statement after the row lock sees what the writers before it committed. */
    @Override
    public <T> T inWriteTransaction(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        return jdbi.inTransaction(work);
    }

    /**
     * One statement per table, whatever the number of rows: each column goes as one array parameter and
     * {@code unnest} turns them back into rows ({@code INSERT ... SELECT * FROM unnest(?::text[], ...)}). A batch of
     * single-row INSERTs costs the server a parse, plan and executor start per row, and the ledger's statement
     * triggers (V4) then run once per append rather than once per row or per rewritten multi-row INSERT.
     */
    @Override
    public void insert(Connection connection, TableRows rows) throws SQLException {
        insertAll(connection, List.of(rows));
    }

    /**
     * The tables' statements, each as {@link #insert} writes it, sent as one: the driver sends them in one round trip.
     * An append writes its observations, their log hashes and references while it holds the operation's row, and
     * each round trip then is time that every other append to the operation waits out.
     */
    @Override
    public void insertAll(Connection connection, List<TableRows> tables) throws SQLException {
        List<TableRows> present =
                tables.stream().filter(rows -> !rows.isEmpty()).toList();
        if (present.isEmpty()) {
            return;
        }
        String sql = present.stream().map(Postgres::insertSql).collect(Collectors.joining("; "));
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int parameter = 1;
            for (TableRows rows : present) {
                for (int i = 0; i < rows.columns().size(); i++) {
                    insert.setArray(parameter++, column(connection, rows, i));
                }
            }
            insert.execute();
        }
    }

    private static String insertSql(TableRows rows) {
        return rows.insertInto() + " SELECT * FROM unnest("
                + rows.columns().stream()
                        .map(column -> "?::" + column.type().postgres() + "[]")
                        .collect(Collectors.joining(", "))
                + ")" + rows.conflict();
    }

    private static Array column(Connection connection, TableRows rows, int index) throws SQLException {
        List<Object[]> values = rows.rows();
        TableRows.Type type = rows.columns().get(index).type();
        Object[] column =
                switch (type) {
                    case TEXT -> new String[values.size()];
                    case BIGINT -> new Long[values.size()];
                    case BYTES -> new byte[values.size()][];
                };
        for (int row = 0; row < values.size(); row++) {
            column[row] = values.get(row)[index];
        }
        return connection.createArrayOf(type.postgres(), column);
    }

    /**
     * The ids as one array parameter: one statement text for any number of them. Written so that the only plan is one
     * probe of the unique index on (operation_id, id) per id, whatever the table's statistics say: a subquery per id
     * that LIMIT keeps the planner from merging into a join. As {@code id = ANY(?)}, a table not yet analysed (a new
     * operation, a burst of appends before autovacuum) was read through the primary key's operation_id prefix with
     * every one of the operation's rows filtered, each append costing time in proportion to all stored before it
     * (EXPLAIN ANALYZE, 500 ids against 50,000 rows: 16–19 ms, against 2.4 ms per probe); as a plain join, the
     * ingest benchmark's look-ups took longer still (82 ms per 1,000 ids, 24 ms before, 10 ms this way).
     */
    @Override
    public PreparedStatement selectStored(Connection connection, String operationId, List<String> ids)
            throws SQLException {
        PreparedStatement select = connection.prepareStatement("SELECT o.id, o.seq, o.body"
                + " FROM unnest(?::text[]) AS wanted(id) CROSS JOIN LATERAL (SELECT id, seq, body FROM observation"
                + " WHERE operation_id = ? AND id = wanted.id LIMIT 1) o");
        select.setArray(1, connection.createArrayOf("text", ids.toArray(String[]::new)));
        select.setString(2, operationId);
        return select;
    }

    /**
     * One statement text for any number of nodes, the nodes as two array parameters, each a probe of log_node's
     * primary key. A {@code UNION ALL} of one lookup per node is a new text for each count, parsed and planned again;
     * an append reads the log's right edge this way whenever another server appended since its own last append.
     */
    @Override
    public PreparedStatement selectLogNodes(Connection connection, String operationId, List<BatchedNodes.Node> nodes)
            throws SQLException {
        PreparedStatement select = connection.prepareStatement("SELECT n.level, n.idx, n.hash"
                + " FROM unnest(?::int[], ?::bigint[]) AS wanted(level, idx) CROSS JOIN LATERAL (SELECT level, idx,"
                + " hash FROM log_node WHERE operation_id = ? AND level = wanted.level AND idx = wanted.idx) n");
        PGConnection postgres = connection.unwrap(PGConnection.class);
        select.setArray(
                1,
                postgres.createArrayOf(
                        "int4",
                        nodes.stream().mapToInt(BatchedNodes.Node::level).toArray()));
        select.setArray(
                2,
                postgres.createArrayOf(
                        "int8",
                        nodes.stream().mapToLong(BatchedNodes.Node::index).toArray()));
        select.setString(3, operationId);
        return select;
    }

    /** A unique violation (23505) of observation's (operation_id, id) key, as V1 names it. */
    @Override
    public boolean observationIdTaken(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if ("23505".equals(e.getSQLState())
                    && e instanceof org.postgresql.util.PSQLException server
                    && server.getServerErrorMessage() != null
                    && "observation_operation_id_id_key"
                            .equals(server.getServerErrorMessage().getConstraint())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public AutoCloseable watchChanges(java.util.function.Consumer<String> appended) {
        return new PostgresWatcher(dataSource, appended);
    }

    /**
     * Before the lock: appends to one operation take turns on its row, and the look-up needs no lock (stored
     * observations never change), so it runs while another append holds the row.
     */
    @Override
    public IdLookUp idLookUp() {
        return IdLookUp.BEFORE_THE_LOCK;
    }

    @Override
    public void close() {
        connections.close();
    }
}

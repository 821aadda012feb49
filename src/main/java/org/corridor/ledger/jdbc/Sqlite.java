package org.corridor.ledger.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.corridor.core.StorageException;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The ledger's SQLite settings: a WAL-journalled file synced on every commit, writers serialized by a lock in this
 * process and by {@code BEGIN IMMEDIATE} across processes.
 */
final class Sqlite implements Dialect {
    static final String URL_PREFIX = "jdbc:sqlite:";
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_IDLE_CONNECTIONS = 8;
    /**
     * How many pages the write-ahead log may hold before the writer copies them into the database file (SQLite's
     * default is 1,000). An append of 1,000 observations dirties about as many pages, most of them leaves of the
     * random-UUID index, so with the default nearly every append also ran a checkpoint: reading its pages back from
     * the log, writing them to the file, two more fsyncs. With 8,192 (32 MiB of 4 KiB pages) a checkpoint comes every
     * eight appends or so and copies each page once, however many of them rewrote it.
     */
    private static final int WAL_PAGES_BEFORE_CHECKPOINT = 8_192;

    private final Path file;
    private final SQLiteDataSource dataSource;
    private final PooledConnections connections;
    private final ReentrantLock writer = new ReentrantLock();
    private final ConnectionFactory factory = new WriterFirst();
    /** The connection every write transaction runs on, kept open between them; guarded by {@link #writer}. */
    private volatile Connection writing;
    /** Whether {@link #writing} is lent out to a handle now; guarded by {@link #writer}. */
    private boolean writingLent;

    private Sqlite(Path file, SQLiteDataSource dataSource) {
        this.file = file;
        this.dataSource = dataSource;
        this.connections = new PooledConnections(dataSource, MAX_IDLE_CONNECTIONS);
    }

    /** The SQLite database at the file a {@code jdbc:sqlite:PATH} URL names, its directory made when missing. */
    static Sqlite open(String jdbcUrl) {
        Path file = fileOf(jdbcUrl);
        createDirectoryOf(file);
        SQLiteDataSource dataSource = new SQLiteDataSource(settings());
        dataSource.setUrl(jdbcUrl);
        return new Sqlite(file, dataSource);
    }

    /**
     * Applied to every connection as it opens. WAL with synchronous=FULL syncs the log at each commit, so an
     * acknowledged append survives a killed process or a power cut; IMMEDIATE makes a transaction take the write
     * lock when it begins, so two writers never both read the same last seq. A 32 MiB page cache (allocated as
     * used) keeps the random-UUID index in memory; with the 2 MiB default its pages kept being evicted and reread.
     */
    private static SQLiteConfig settings() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setCacheSize(-32_768); // KiB, as SQLite counts a negative cache_size
        return config;
    }

    static Path fileOf(String jdbcUrl) {
        String path = jdbcUrl.substring(URL_PREFIX.length());
        path = path.startsWith("file:") ? path.substring("file:".length()) : path;
        int query = path.indexOf('?');
        path = query >= 0 ? path.substring(0, query) : path;
        if (path.isBlank() || path.equals(":memory:") || jdbcUrl.contains("mode=memory")) {
            throw new StorageException(
                    "the ledger needs an SQLite database file, not '" + jdbcUrl
                            + "': use jdbc:sqlite:PATH, for example jdbc:sqlite:data/corridor.db",
                    null);
        }
        return Path.of(path).toAbsolutePath();
    }

    private static void createDirectoryOf(Path file) {
        Path directory = file.getParent();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StorageException(
                    "could not create the directory " + directory + " for the SQLite database: " + e
                            + ". Create it, or give a database path in a writable directory",
                    e);
        }
    }

    @Override
    public String describe() {
        return "the SQLite database " + file;
    }

    @Override
    public String migrations() {
        return "classpath:db/migration/sqlite";
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public ConnectionFactory connections() {
        return factory;
    }

    /**
     * Write transactions all run on one connection, kept open: SQLite drops a connection's whole page cache when it
     * finds that another connection wrote since its last transaction, so writes that took turns on pooled connections
     * each began by reading back from the file the index pages the previous write had just had in memory. Reads
     * still come from the pool.
     */
    private final class WriterFirst implements ConnectionFactory {
        @Override
        public Connection openConnection() throws SQLException {
            if (writer.isHeldByCurrentThread() && !writingLent) {
                if (writing == null || writing.isClosed()) {
                    writing = openWriter();
                }
                writingLent = true;
                return writing;
            }
            return connections.openConnection();
        }

        private Connection openWriter() throws SQLException {
            Connection opened = dataSource.getConnection();
            try (var statement = opened.createStatement()) {
                statement.execute("PRAGMA wal_autocheckpoint=" + WAL_PAGES_BEFORE_CHECKPOINT);
                return opened;
            } catch (SQLException e) {
                opened.close();
                throw e;
            }
        }

        @Override
        public void closeConnection(Connection connection) throws SQLException {
            if (connection != writing) {
                connections.closeConnection(connection);
                return;
            }
            writingLent = false;
            if (connection.isClosed() || !connection.getAutoCommit()) {
                writing = null; // left in an unknown state: the next write opens a fresh one
                connection.close();
            }
        }
    }

    /** The whole database is already locked for writing by {@code BEGIN IMMEDIATE}. */
    @Override
    public String selectLastSeqForAppend() {
        return "SELECT last_seq FROM operation WHERE id = :id";
    }

    /** Once per append (see migration V10): the guard on {@code last_seq} checks it against the highest seq. */
    @Override
    public void advanceLastSeq(Connection connection, String operationId, long lastSeq) throws SQLException {
        try (var update = connection.prepareStatement("UPDATE operation SET last_seq = ? WHERE id = ?")) {
            update.setLong(1, lastSeq);
            update.setString(2, operationId);
            update.executeUpdate();
        }
    }

    /** Nothing to do: every write transaction already holds the whole database. */
    @Override
    public void lockDefinitions(Handle handle) {}

    /**
     * Writers in this process wait on a Java lock rather than polling SQLite's busy handler, which would add
     * sleeps; {@code BEGIN IMMEDIATE} still keeps out writers from other processes.
     */
    @Override
    public <T> T inWriteTransaction(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        writer.lock();
        try {
            return jdbi.inTransaction(work);
        } finally {
            writer.unlock();
        }
    }

    /**
     * SQLite names the broken key in its message: {@code UNIQUE constraint failed: observation.operation_id,
     * observation.id}, in a batch's failure too.
     */
    @Override
    public boolean observationIdTaken(java.sql.SQLException failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            String message = e.getMessage();
            if (message != null
                    && message.contains("UNIQUE constraint failed: observation.operation_id, observation.id")) {
                return true;
            }
        }
        return false;
    }

    /**
     * After a conflict only: writers take turns on the whole file, so a look-up before the lock would still run in
     * someone's turn, and on a reading connection that starts from an empty page cache after every append. Reading
     * the index for each id of a batch first cost 1 to 3 µs of CPU per observation, against 18 to 20 for the whole
     * append (LedgerAppendBenchmark); SQLite's unique key checks the same ids anyway as the rows go in.
     */
    @Override
    public IdLookUp idLookUp() {
        return IdLookUp.AFTER_A_CONFLICT;
    }

    @Override
    public void close() {
        writer.lock();
        try {
            if (writing != null) {
                writing.close();
                writing = null;
            }
        } catch (SQLException e) {
            // Closing at shutdown between writes: nothing is pending on the connection, so nothing is lost.
        } finally {
            writer.unlock();
            connections.close();
        }
    }
}

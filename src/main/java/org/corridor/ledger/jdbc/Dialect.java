package org.corridor.ledger.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.corridor.integrity.BatchedNodes;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/** What differs between the databases the ledger runs on: connections, migrations, and how writers take turns. */
interface Dialect extends AutoCloseable {

    /** Where the database is, for messages; never carries credentials. */
    String describe();

    /** The Flyway location of this database's migrations. */
    String migrations();

    /** Connections with this database's settings, each opened fresh (for Flyway). */
    DataSource dataSource();

    /** Connections with this database's settings, reused between calls (for JDBI). */
    ConnectionFactory connections();

    /**
     * Selects an operation's {@code last_seq} inside a write transaction so that no other writer can append to it
     * until this transaction ends; binds {@code :id}.
     */
    String selectLastSeqForAppend();

    /**
     * Called first in a write transaction that stores a definition, so that definitions stored at once take turns;
     * appends need not wait for it.
     */
    void lockDefinitions(Handle handle);

    /** Runs {@code work} in one transaction that no other write can interleave with, and commits it durably. */
    <T> T inWriteTransaction(Jdbi jdbi, HandleCallback<T, RuntimeException> work);

    /** Inserts each table's rows, in order, as {@link #insert} does; a dialect may send them together. */
    default void insertAll(Connection connection, List<TableRows> tables) throws SQLException {
        for (TableRows rows : tables) {
            insert(connection, rows);
        }
    }

    /**
     * Inserts every row of {@code rows} in one go: by default a JDBC batch of one prepared INSERT, which SQLite runs
     * without a round trip per row.
     */
    default void insert(Connection connection, TableRows rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<TableRows.Column> columns = rows.columns();
        String sql = rows.insertInto() + " VALUES (?" + ", ?".repeat(columns.size() - 1) + ")" + rows.conflict();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Object[] row : rows.rows()) {
                for (int i = 0; i < row.length; i++) {
                    switch (columns.get(i).type()) {
                        case TEXT -> insert.setString(i + 1, (String) row[i]);
                        case BIGINT -> insert.setLong(i + 1, (Long) row[i]);
                        case BYTES -> insert.setBytes(i + 1, (byte[]) row[i]);
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * A query of {@code id, seq, body} of the operation's stored observations whose id is among {@code ids} (at most
     * {@link AppendBatch#IDS_PER_LOOKUP}, distinct). By default an {@code IN} list whose length is the next power of
     * two, the last id repeated, so that a few statement texts serve every batch size.
     */
    default PreparedStatement selectStored(Connection connection, String operationId, List<String> ids)
            throws SQLException {
        int placeholders = ids.size() <= 1 ? 1 : Integer.highestOneBit(ids.size() - 1) << 1;
        PreparedStatement select =
                connection.prepareStatement("SELECT id, seq, body FROM observation WHERE operation_id = ? AND id IN (?"
                        + ", ?".repeat(placeholders - 1) + ")");
        select.setString(1, operationId);
        for (int i = 0; i < placeholders; i++) {
            select.setString(i + 2, ids.get(Math.min(i, ids.size() - 1)));
        }
        return select;
    }

    /**
     * A query of {@code level, idx, hash} of the operation's stored Merkle log subtrees at {@code nodes} (at least
     * one, distinct); a node not stored has no row. By default one lookup per node joined by {@code UNION ALL}.
     */
    default PreparedStatement selectLogNodes(Connection connection, String operationId, List<BatchedNodes.Node> nodes)
            throws SQLException {
        return LogNodes.selectEach(connection, operationId, nodes);
    }

    /**
     * Whether {@code failure} is an insert that broke the unique key of an operation's observation ids: an id stored
     * by another writer after this append looked it up.
     */
    boolean observationIdTaken(SQLException failure);

    /**
     * Sets the operation's {@code last_seq} to {@code lastSeq} after an append's inserts, where the store does not do
     * it itself: by default nothing (PostgreSQL's statement trigger does it).
     */
    default void advanceLastSeq(Connection connection, String operationId, long lastSeq) throws SQLException {}

    /** When an append looks up what is already stored under its batch's ids. */
    IdLookUp idLookUp();

    /**
     * When an append looks up what is stored under its batch's ids. Either way the unique key on an operation's ids
     * has the last word: when an insert breaks it, the transaction rolls back and the append is written again, with the
     * look-up inside the write lock.
     */
    enum IdLookUp {
        /**
         * Before the append waits for its turn, without a lock (stored observations never change), so that the
         * operation stays locked only for the inserts; again inside the lock when another writer took an id meanwhile.
         */
        BEFORE_THE_LOCK,
        /**
         * Only after an insert broke the unique key: a batch of new observations, by far the usual case, is inserted
         * without reading the id index first, and one that repeats a stored id (a resent batch) is written twice.
         */
        AFTER_A_CONFLICT
    }

    /** Calls {@code appended} when any process commits an append or a definition; null when it cannot tell which operation. */
    default AutoCloseable watchChanges(java.util.function.Consumer<String> appended) {
        return () -> {};
    }

    @Override
    void close();
}

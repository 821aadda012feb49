package org.corridor.ledger.jdbc;

import javax.sql.DataSource;
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

    /** Called in an append's transaction that stored something, or a definition's, so that other processes hear of it at commit. */
    default void announceChange(Handle handle, String operationId) {}

    /** Calls {@code appended} when any process commits an append or a definition; null when it cannot tell which operation. */
    default AutoCloseable watchChanges(java.util.function.Consumer<String> appended) {
        return () -> {};
    }

    @Override
    void close();
}

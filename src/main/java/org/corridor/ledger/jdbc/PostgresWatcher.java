package org.corridor.ledger.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL for appends committed by any process sharing the database (LISTEN/NOTIFY), on a connection
 * and a daemon thread of its own; reconnects after a failure, and after each (re)connection reports a change of
 * unknown operation (null), since notifications sent while it was away are lost.
 */
final class PostgresWatcher implements AutoCloseable {
    /** The channel the database's own triggers notify on (migration V11): the two must name the same one. */
    static final String CHANNEL = "corridor_appended";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresWatcher.class);
    private static final int WAIT_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final DataSource dataSource;
    private final Consumer<String> appended;
    private final Thread thread;
    private volatile boolean closed;

    PostgresWatcher(DataSource dataSource, Consumer<String> appended) {
        this.dataSource = dataSource;
        this.appended = appended;
        this.thread = new Thread(this::run, "postgres-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        long backoff = 100;
        while (!closed) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                backoff = 100;
                tell(null);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            tell(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                LOG.atWarn()
                        .addKeyValue("retryInMillis", backoff)
                        .addKeyValue("error", e.getMessage())
                        .log("lost the PostgreSQL notification connection; polling continues meanwhile");
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    private void tell(String operationId) {
        try {
            appended.accept(operationId);
        } catch (RuntimeException e) {
            LOG.warn("an append listener failed", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(WAIT_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

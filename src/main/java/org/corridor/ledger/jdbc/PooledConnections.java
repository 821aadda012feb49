package org.corridor.ledger.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;

/** Keeps a few idle connections open for reuse, so that a ledger call does not pay for opening one. */
final class PooledConnections implements ConnectionFactory, AutoCloseable {
    private final DataSource source;
    private final int maxIdle;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    PooledConnections(DataSource source, int maxIdle) {
        this.source = source;
        this.maxIdle = maxIdle;
    }

    @Override
    public Connection openConnection() throws SQLException {
        Connection reused = takeIdle();
        return reused != null ? reused : source.getConnection();
    }

    /** Keeps the connection for the next call when it is healthy and the pool has room; closes it otherwise. */
    @Override
    public void closeConnection(Connection connection) throws SQLException {
        if (!giveBack(connection)) {
            connection.close();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        idle.forEach(PooledConnections::closeQuietly);
        idle.clear();
    }

    private synchronized Connection takeIdle() {
        return idle.pollFirst();
    }

    private synchronized boolean giveBack(Connection connection) throws SQLException {
        if (closed || idle.size() >= maxIdle || connection.isClosed() || !connection.getAutoCommit()) {
            return false;
        }
        idle.addFirst(connection);
        return true;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing an idle connection at shutdown: nothing is pending on it, so nothing is lost.
        }
    }
}

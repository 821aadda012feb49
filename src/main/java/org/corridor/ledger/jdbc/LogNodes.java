package org.corridor.ledger.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corridor.integrity.BatchedNodes;
import org.corridor.integrity.Frontier;
import org.corridor.integrity.ProofException;
import org.jdbi.v3.core.Handle;

/** The SQL of the {@code log_node} table: the stored hash of each complete subtree of an operation's Merkle log. */
final class LogNodes {
    private LogNodes() {}

    /** The hashes of {@code nodes}, read in one query; a node that is not stored is a damaged log. */
    static Map<BatchedNodes.Node, byte[]> read(
            Handle handle, Dialect dialect, String operationId, Set<BatchedNodes.Node> nodes) {
        if (nodes.isEmpty()) {
            return Map.of();
        }
        List<BatchedNodes.Node> wanted = List.copyOf(nodes);
        Map<BatchedNodes.Node, byte[]> hashes = new HashMap<>();
        try (PreparedStatement select = dialect.selectLogNodes(handle.getConnection(), operationId, wanted);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                hashes.put(new BatchedNodes.Node(rows.getInt(1), rows.getLong(2)), rows.getBytes(3));
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
        for (BatchedNodes.Node node : wanted) {
            if (!hashes.containsKey(node)) {
                throw new ProofException("the Merkle log of operation '%s' has no stored hash at level %d, index %d:"
                                .formatted(operationId, node.level(), node.index())
                        + " the store is damaged or was changed outside Corridor");
            }
        }
        return hashes;
    }

    /**
     * By default one primary-key lookup per node, in one statement: an OR of (level, idx) pairs lets SQLite fall back
     * to scanning the whole operation's log, which costs milliseconds at a million leaves.
     */
    static PreparedStatement selectEach(Connection connection, String operationId, List<BatchedNodes.Node> nodes)
            throws SQLException {
        String one = "SELECT level, idx, hash FROM log_node WHERE operation_id = ? AND level = ? AND idx = ?";
        PreparedStatement select =
                connection.prepareStatement(String.join(" UNION ALL ", Collections.nCopies(nodes.size(), one)));
        for (int i = 0; i < nodes.size(); i++) {
            select.setString(3 * i + 1, operationId);
            select.setInt(3 * i + 2, nodes.get(i).level());
            select.setLong(3 * i + 3, nodes.get(i).index());
        }
        return select;
    }

    /** The rows of subtree hashes an append or a backfill inserts, filled by {@link #add}. */
    static TableRows rows() {
        return new TableRows(
                "log_node",
                "",
                new TableRows.Column("operation_id", TableRows.Type.TEXT),
                new TableRows.Column("level", TableRows.Type.BIGINT),
                new TableRows.Column("idx", TableRows.Type.BIGINT),
                new TableRows.Column("hash", TableRows.Type.BYTES));
    }

    /** Adds the subtrees one append completed to {@code rows}. */
    static void add(TableRows rows, String operationId, List<Frontier.Subtree> completed) {
        for (Frontier.Subtree subtree : completed) {
            rows.add(operationId, (long) subtree.level(), subtree.index(), subtree.hash());
        }
    }

    /** How many leaves the operation's stored log holds: one past the highest leaf index. */
    static long leafCount(Handle handle, String operationId) {
        return handle.createQuery(
                        "SELECT coalesce(max(idx) + 1, 0) FROM log_node WHERE operation_id = :operation AND level = 0")
                .bind("operation", operationId)
                .mapTo(Long.class)
                .one();
    }
}

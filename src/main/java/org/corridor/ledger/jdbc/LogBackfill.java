package org.corridor.ledger.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.corridor.integrity.BatchedNodes;
import org.corridor.integrity.Frontier;
import org.corridor.integrity.MerkleLog;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings each operation's Merkle log up to its observations when the ledger opens: a store made before the log
 * existed gets the hashes of all its observations, in transactions of a few thousand, resumable if interrupted.
 */
final class LogBackfill {
    private static final Logger LOG = LoggerFactory.getLogger(LogBackfill.class);
    private static final int PER_TRANSACTION = 5_000;

    private final Jdbi jdbi;
    private final Dialect dialect;

    LogBackfill(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    void run() {
        List<String> operations = jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM operation")
                .mapTo(String.class)
                .list());
        for (String operationId : operations) {
            while (dialect.inWriteTransaction(jdbi, handle -> fillSome(handle, operationId))) {
                // each round commits a few thousand leaves
            }
        }
    }

    /** Adds the hashes of up to {@link #PER_TRANSACTION} observations missing from the log; false when none was. */
    private boolean fillSome(Handle handle, String operationId) {
        long lastSeq = handle.createQuery(dialect.selectLastSeqForAppend())
                .bind("id", operationId)
                .mapTo(Long.class)
                .one();
        long leaves = LogNodes.leafCount(handle, operationId);
        if (leaves >= lastSeq) {
            return false;
        }
        Frontier frontier = BatchedNodes.compute(
                nodes -> LogNodes.read(handle, dialect, operationId, nodes), nodes -> Frontier.of(nodes, leaves));
        TableRows insert = LogNodes.rows();
        handle.createQuery("SELECT seq, body FROM observation WHERE operation_id = :operation AND seq > :after"
                        + " ORDER BY seq LIMIT :limit")
                .bind("operation", operationId)
                .bind("after", leaves)
                .bind("limit", PER_TRANSACTION)
                .map((row, context) -> row.getString("body"))
                .forEach(body -> LogNodes.add(
                        insert,
                        operationId,
                        frontier.append(MerkleLog.leafHash(body.getBytes(StandardCharsets.UTF_8)))));
        try {
            dialect.insert(handle.getConnection(), insert);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
        LOG.atInfo()
                .addKeyValue("operation", operationId)
                .addKeyValue("leaves", frontier.size())
                .addKeyValue("observations", lastSeq)
                .log("Merkle log brought up to the stored observations");
        return true;
    }
}

package org.corridor.ledger.jdbc;

import java.sql.SQLException;

/**
 * A failure of plain JDBC code inside a JDBI transaction, unchecked so that it passes through the transaction's
 * callback (which rolls back) to the ledger, which reports it as a {@link org.corridor.core.StorageException}.
 */
final class SqlFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SqlFailure(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}

package org.corridor.ledger.jdbc;

import java.time.InstantSource;
import org.corridor.access.AccessStore;
import org.corridor.core.StorageException;
import org.corridor.ledger.Ledger;

/** Opens the ledger that a JDBC URL names, choosing the database by the URL's prefix. */
public final class Ledgers {
    private Ledgers() {}

    /**
     * The ledger at {@code jdbcUrl}, such as {@code jdbc:sqlite:data/corridor.db} or
     * {@code jdbc:postgresql://db.example:5432/corridor?user=corridor}, stamped with the system clock. */
    public static Ledger open(String jdbcUrl) {
        return open(jdbcUrl, InstantSource.system());
    }

    /**
     * The ledger at {@code jdbcUrl}, its schema migrated to the latest version.
     *
     * @param clock stamps when definitions and observations were stored
     * @throws StorageException when the URL names no supported database or the database cannot be opened
     */
    public static Ledger open(String jdbcUrl, InstantSource clock) {
        if (jdbcUrl.startsWith(Sqlite.URL_PREFIX)) {
            return JdbcLedger.open(Sqlite.open(jdbcUrl), clock);
        }
        if (jdbcUrl.startsWith(Postgres.URL_PREFIX)) {
            return JdbcLedger.open(Postgres.open(jdbcUrl), clock);
        }
        throw new StorageException(
                "unsupported database URL starting '" + scheme(jdbcUrl)
                        + "': Corridor supports jdbc:sqlite:PATH (for example jdbc:sqlite:data/corridor.db)",
                null);
    }

    /**
     * The accounts, tokens, sessions and audit trail kept in the same database as {@code ledger}, which must have been
     * opened here; they share its connections and are closed with it.
     */
    public static AccessStore accessStore(Ledger ledger) {
        if (ledger instanceof JdbcLedger jdbc) {
            return jdbc.accessStore();
        }
        throw new IllegalArgumentException("the access store lives beside a ledger opened by Ledgers.open");
    }

    /** The URL up to its second colon, so that a message never repeats credentials the rest may carry. */
    private static String scheme(String jdbcUrl) {
        int first = jdbcUrl.indexOf(':');
        int second = first < 0 ? -1 : jdbcUrl.indexOf(':', first + 1);
        return second < 0 ? jdbcUrl.substring(0, Math.min(jdbcUrl.length(), 16)) : jdbcUrl.substring(0, second + 1);
    }
}

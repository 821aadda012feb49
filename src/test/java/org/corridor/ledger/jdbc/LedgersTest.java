package org.corridor.ledger.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.corridor.core.StorageException;
import org.junit.jupiter.api.Test;

/** Choosing the database by the URL's prefix. */
class LedgersTest {
    @Test
    void open_unreachablePostgresql_isAStorageFailureNamingItWithoutCredentials() {
        assertThatThrownBy(() -> Ledgers.open(
                        "jdbc:postgresql://127.0.0.1:1/corridor?user=corridor&password=secret&connectTimeout=2"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("the PostgreSQL database //127.0.0.1:1/corridor")
                .hasMessageNotContaining("secret");
    }

    @Test
    void open_unknownUrl_namesTheSupportedOnesWithoutRepeatingCredentials() {
        assertThatThrownBy(() -> Ledgers.open("jdbc:mysql://admin:secret@db/corridor"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("jdbc:sqlite:PATH")
                .hasMessageContaining("jdbc:mysql:")
                .hasMessageNotContaining("secret");
    }
}

package org.corridor.ledger.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.corridor.core.StorageException;
import org.junit.jupiter.api.Test;

/** Choosing the database by the URL's prefix. */
class LedgersTest {
    @Test
    void open_postgresqlUrl_saysSupportIsComing() {
        assertThatThrownBy(() -> Ledgers.open("jdbc:postgresql://localhost/corridor"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("PostgreSQL support is coming");
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

package org.corridor.ledger.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
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

    @Test
    void postgresqlLocation_dropsParametersAndUserInformation() {
        assertThat(Postgres.locationOf("jdbc:postgresql://admin:secret@db.example:5432/corridor?password=secret"))
                .isEqualTo("//db.example:5432/corridor");
        assertThat(Postgres.locationOf("jdbc:postgresql:corridor?user=corridor"))
                .isEqualTo("corridor");
    }
}

package org.corridor.ledger.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import org.corridor.core.StorageException;
import org.corridor.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on an SQLite file, and what is particular to SQLite. */
class SqliteLedgerTest extends LedgerContract {
    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve("not-yet/made/corridor.db");
    }

    @Override
    Ledger open(InstantSource clock) {
        return Ledgers.open("jdbc:sqlite:" + file(), clock);
    }

    @Test
    void open_makesTheMissingDirectoryOfTheFile() {
        assertThat(file()).isRegularFile();
    }

    @Test
    void connections_haveTheDurabilitySettings() {
        assertThat(pragma("journal_mode")).isEqualTo("wal");
        assertThat(pragma("synchronous")).isEqualTo("2");
        assertThat(pragma("foreign_keys")).isEqualTo("1");
        assertThat(pragma("busy_timeout")).isEqualTo("10000");
    }

    @Test
    void connections_reusedAfterAWrite_keepTheDurabilitySettings() {
        defineOperation();
        ledger.append(OP, entries(1, 3));

        assertThat(pragma("synchronous")).isEqualTo("2");
        assertThat(pragma("foreign_keys")).isEqualTo("1");
    }

    @Test
    void open_inMemoryDatabase_isRefusedAskingForAFile() {
        assertThatThrownBy(() -> Ledgers.open("jdbc:sqlite::memory:"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("jdbc:sqlite:PATH");
    }

    @Test
    void open_directoryThatCannotBeMade_isAStorageFailureNamingIt() throws Exception {
        Path blocker = Files.writeString(directory.resolve("a-file"), "");

        assertThatThrownBy(() -> Ledgers.open("jdbc:sqlite:" + blocker.resolve("corridor.db")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(blocker.toString());
    }

    @Test
    void open_aStoreMadeBeforeTheLog_bringsTheLogUpToItsObservations() throws Exception {
        Path old = directory.resolve("v1.db");
        String url = "jdbc:sqlite:" + old;
        org.flywaydb.core.Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/sqlite")
                .target("1")
                .load()
                .migrate();
        try (var connection = java.sql.DriverManager.getConnection(url);
                var statement = connection.createStatement()) {
            statement.execute("INSERT INTO operation (id, ordinal, definition, created_at, updated_at)" + " VALUES ('"
                    + OP + "', 1, '{}', 'c', 'u')");
            for (int n = 1; n <= 7; n++) {
                statement.execute(
                        "INSERT INTO observation (operation_id, seq, id, type, at_utc, body, stored_at)" + " VALUES ('"
                                + OP + "', " + n + ", '" + id(n) + "', 't', 'a', '" + entry(n).body() + "', 's')");
            }
        }

        try (Ledger reopened = Ledgers.open(url)) {
            assertLogHoldsTheStoredBodies(reopened, OP);
            reopened.append(OP, entries(8, 11));
            assertLogHoldsTheStoredBodies(reopened, OP);
        }
    }

    private String pragma(String name) {
        return sql(handle ->
                handle.createQuery("PRAGMA " + name).mapTo(String.class).one());
    }
}

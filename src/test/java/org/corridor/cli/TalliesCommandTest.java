package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TalliesCommandTest {
    @TempDir
    Path directory;

    @Test
    void tallies_printsPrettyJsonAsOfAMoment() {
        String db = "jdbc:sqlite:" + directory.resolve("corridor.db");
        Cli.run(
                "load",
                Cli.fixture(directory, "test-op.yaml").toString(),
                Cli.fixture(directory, "valid-observations.jsonl").toString(),
                "--db",
                db);

        Cli.Run run = Cli.run("tallies", "test-op", "--as-of", "2016-12-15T12:00:00+02:00", "--db", db);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        Cli.assertMatchesExpected(run.out(), "tallies.json");
    }

    @Test
    void tallies_unknownOperation_namesTheOperationsTheStoreHolds() {
        String db = "jdbc:sqlite:" + directory.resolve("corridor.db");
        Cli.Run empty = Cli.run("tallies", "aleppo", "--db", db);
        Cli.run("load", Cli.fixture(directory, "test-op.yaml").toString(), "--db", db);
        Cli.Run unknown = Cli.run("tallies", "aleppo", "--db", db);

        assertThat(empty.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.REFUSED);
        Cli.assertMatchesExpected(empty.err() + unknown.err(), "tallies-unknown.txt");
    }

    @Test
    void tallies_badAsOf_isAUsageErrorNamingIt() {
        Cli.Run run =
                Cli.run("tallies", "test-op", "--as-of", "noon", "--db", "jdbc:sqlite:" + directory.resolve("c.db"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--as-of: 'noon' is not an ISO-8601 time");
    }
}

package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCommandTest {
    @TempDir
    Path directory;

    String db() {
        return "jdbc:sqlite:" + directory.resolve("corridor.db");
    }

    @Test
    void load_printsOneResultPerLineAndASummary() {
        Cli.Run run = Cli.run(
                "load",
                Cli.fixture(directory, "test-op.yaml").toString(),
                Cli.fixture(directory, "observations.jsonl").toString(),
                "--db",
                db());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        Cli.assertMatchesExpected(run.out(), "load-observations.txt");
    }

    @Test
    void load_allAccepted_exitsZeroAndAgainIsAllDuplicates() {
        Path operation = Cli.fixture(directory, "test-op.yaml");
        Path observations = Cli.fixture(directory, "valid-observations.jsonl");

        Cli.Run first = Cli.run("load", operation.toString(), observations.toString(), "--db", db());
        Cli.Run again = Cli.run("load", operation.toString(), observations.toString(), "--db", db());

        assertThat(first.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        Cli.assertMatchesExpected(again.out(), "load-again.txt");
    }

    @Test
    void load_refusedDefinition_printsEachProblemAndStoresNothing() {
        Cli.Run run = Cli.run("load", Cli.fixture(directory, "bad-op.yaml").toString(), "--db", db());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        Cli.assertMatchesExpected(run.out(), "load-bad-op.txt");
        Cli.Run tallies = Cli.run("tallies", "bad-op", "--db", db());
        assertThat(tallies.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(tallies.err()).contains("there is no operation 'bad-op'");
    }

    @Test
    void load_definitionDroppingAnIdInUse_isRefusedNamingItAndWhatToDo() throws IOException {
        Path operation = Cli.fixture(directory, "test-op.yaml");
        Cli.run(
                "load",
                operation.toString(),
                Cli.fixture(directory, "valid-observations.jsonl").toString(),
                "--db",
                db());
        Path withoutM2 = directory.resolve("without-m2.yaml");
        Files.writeString(
                withoutM2,
                Files.readString(operation).replace("  - {id: m2, name: {en: Monitor two}, organisation: ICRC}\n", ""));

        Cli.Run run = Cli.run("load", withoutM2.toString(), "--db", db());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        Cli.assertMatchesExpected(run.out(), "load-drops-id.txt");
    }

    @Test
    void load_missingFile_isAUsageError() {
        Cli.Run run = Cli.run("load", directory.resolve("absent.yaml").toString(), "--db", db());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("OPERATION_FILE: cannot read the file");
    }

    @Test
    void postgresqlUrl_isAccepted_andAnUnreachableDatabaseIsAStoreFailureWithoutItsPassword() {
        Cli.Run run = Cli.run(
                "tallies",
                "x",
                "--db",
                "jdbc:postgresql://127.0.0.1:1/corridor?user=corridor&password=secret&connectTimeout=2");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err())
                .contains("the PostgreSQL database //127.0.0.1:1/corridor")
                .doesNotContain("secret");
    }

    @Test
    void badSettings_areNamed() {
        Cli.Run port = Cli.run("serve", "--port", "70000", "--db", db());
        assertThat(port.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(port.err()).contains("--port: 70000 is not a port");

        Cli.Run url = Cli.run("tallies", "x", "--db", "sqlite.db");
        assertThat(url.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(url.err()).contains("--db: 'sqlite.db' is not a JDBC URL");

        Cli.Run mysql = Cli.run("tallies", "x", "--db", "jdbc:mysql://db/corridor?password=secret");
        assertThat(mysql.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(mysql.err())
                .contains("--db: Corridor stores in SQLite or PostgreSQL: use a jdbc:sqlite:PATH URL")
                .doesNotContain("secret");

        Path file = Cli.fixture(directory, "test-op.yaml");
        Cli.Run dataDir =
                Cli.run("tallies", "x", "--data-dir", file.resolve("sub").toString());
        assertThat(dataDir.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(dataDir.err()).contains("--data-dir: cannot create the directory");
    }
}

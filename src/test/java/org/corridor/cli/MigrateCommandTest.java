package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate copies whole histories: the tallies and the log roots are the same on both stores afterwards. */
class MigrateCommandTest {
    private static final String OP = "aleppo-2016-12";

    @TempDir
    Path directory;

    String sqlite(String name) {
        return "jdbc:sqlite:" + directory.resolve(name);
    }

    private String loadedDemo() {
        String source = sqlite("demo.db");
        assertThat(Cli.run("demo", "--load-only", "--db", source).exitCode()).isZero();
        return source;
    }

    private void assertSameTalliesAndRoot(String source, String target) {
        for (String asOf :
                new String[] {"2016-12-16T12:00:00+02:00", "2016-12-19T14:00:00+02:00", "2016-12-23T00:00:00+02:00"}) {
            Cli.Run before = Cli.run("tallies", OP, "--as-of", asOf, "--db", source);
            Cli.Run after = Cli.run("tallies", OP, "--as-of", asOf, "--db", target);
            assertThat(after.out()).isEqualTo(before.out()).contains("\"evacuated\"");
        }
        Cli.Run sourceExport =
                Cli.run("export", OP, "--out", directory.resolve("s.zip").toString(), "--db", source);
        Cli.Run targetExport = Cli.run(
                "export",
                OP,
                "--out",
                directory.resolve("t.zip").toString(),
                "--db",
                target,
                "--data-dir",
                directory.resolve("t").toString());
        assertThat(sourceExport.exitCode()).isZero();
        assertThat(targetExport.exitCode()).as(targetExport.err()).isZero();
        assertThat(Cli.run("verify", directory.resolve("t.zip").toString()).exitCode())
                .isZero();
    }

    @Test
    void sqliteToSqlite_copiesEverything_andAgainCopiesNothing() {
        String source = loadedDemo();
        String target = sqlite("copy.db");

        Cli.Run first = Cli.run("migrate", "--from", source, "--to", target);
        Cli.Run again = Cli.run("migrate", "--from", source, "--to", target);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("migrated aleppo-2016-12: 53 observations copied, 0 already there; log root of 53");
        assertThat(again.out()).contains("0 observations copied, 53 already there");
        String root =
                first.out().substring(first.out().indexOf("log root of 53 ")).strip();
        assertThat(again.out()).contains(root);
        assertSameTalliesAndRoot(source, target);
    }

    @Test
    void personalData_isCopiedStillSealed_andOpensWithTheSameKey() throws Exception {
        String source = sqlite("source.db");
        String target = sqlite("target.db");
        java.util.UUID id = java.util.UUID.randomUUID();
        Path lines = directory.resolve("persons.jsonl");
        Files.writeString(
                lines,
                "{\"id\": \"" + id + "\", \"type\": \"persons.detained\", \"operation\": \"test-op\","
                        + " \"at\": \"2016-12-15T09:00:00+02:00\", \"monitor\": \"m1\", \"site\": \"checkpoint\","
                        + " \"people\": 1, \"persons\": {\"list\": [{\"name\": \"Migrated Name\"}]}}\n");
        Cli.Run load =
                Cli.run("load", Cli.fixture(directory, "test-op.yaml").toString(), lines.toString(), "--db", source);
        assertThat(load.out()).contains("line 1: created");

        Cli.Run migrate = Cli.run("migrate", "--from", source, "--to", target);

        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        org.corridor.persons.PersonsVault vault =
                org.corridor.persons.PersonsVault.parse(Files.readString(directory.resolve("persons.key")));
        try (org.corridor.ledger.Ledger copy = org.corridor.ledger.jdbc.Ledgers.open(target)) {
            org.corridor.ledger.SealedPersons sealed =
                    copy.persons("test-op", id).orElseThrow();
            assertThat(vault.open("test-op", id, sealed).list().getFirst().name())
                    .isEqualTo("Migrated Name");
        }
    }

    @Test
    void aTargetThatIsNotACopy_isRefused_andNothingIsCopied() throws Exception {
        String source = loadedDemo();
        String target = sqlite("other.db");
        Path definition = Cli.fixture(directory, "test-op.yaml");
        // The same operation id with other observations: load the demo definition, then one observation of its own.
        Files.writeString(
                directory.resolve("one.jsonl"),
                Files.readAllLines(Path.of("src/main/resources/demo/aleppo-2016-12.observations.jsonl"))
                                .get(5) + "\n");
        Cli.run(
                "load",
                "src/main/resources/demo/aleppo-2016-12.yaml",
                directory.resolve("one.jsonl").toString(),
                "--db",
                target);

        Cli.Run run = Cli.run("migrate", "--from", source, "--to", target);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("are not the first 1 of the source's log");
        assertThat(Cli.run("tallies", OP, "--db", target).out()).doesNotContain("11629");
        assertThat(definition).exists();
    }

    @Test
    void badSettings_areNamed() {
        assertThat(Cli.run("migrate", "--from", "jdbc:mysql://x", "--to", sqlite("a.db"))
                        .err())
                .contains("--from:");
        assertThat(Cli.run("migrate", "--from", sqlite("a.db"), "--to", sqlite("a.db"))
                        .err())
                .contains("--to:");
        assertThat(Cli.run("migrate", "--from", loadedDemo(), "--to", sqlite("b.db"), "--operation", "nowhere")
                        .err())
                .contains("no operation 'nowhere'");
    }

    @Test
    void sqliteToPostgres_givesTheSameTalliesAndLog() throws Exception {
        String base = System.getenv("CORRIDOR_TEST_PG_URL");
        Assumptions.assumeTrue(
                base != null && !base.isBlank() || "true".equals(System.getenv("CI")),
                "CORRIDOR_TEST_PG_URL is not set: the PostgreSQL leg of migrate is skipped (.ci/run starts a database)");
        String schema = "migrate_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(base, "CREATE SCHEMA " + schema);
        try {
            String target = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            String source = loadedDemo();

            Cli.Run run = Cli.run("migrate", "--from", source, "--to", target);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertSameTalliesAndRoot(source, target);
        } finally {
            execute(base, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.corridor.ledger.jdbc.Ledgers;

/**
 * Runs a command in-process with captured output, and compares output with the expected-output files in
 * {@code src/test/resources/cli/}. Run with {@code -Dcorridor.updateExpected=true} to rewrite those files.
 */
final class Cli {
    /** The clock every command test runs at, so that "now" is the same on every run. */
    static final Instant NOW = Instant.parse("2016-12-20T10:00:00Z");

    private Cli() {}

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment =
                new Environment(Ledgers::open, Ledgers::accessStore, InstantSource.fixed(NOW), Map.of());
        int exitCode = Commands.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    static Path fixture(Path directory, String name) {
        try (InputStream in = Cli.class.getResourceAsStream("/fixtures/" + name)) {
            Path file = directory.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertMatchesExpected(String actual, String expectedFile) {
        Path source = Path.of("src/test/resources/cli", expectedFile);
        try {
            if (Boolean.getBoolean("corridor.updateExpected")) {
                Files.writeString(source, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).isEqualTo(Files.readString(source, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

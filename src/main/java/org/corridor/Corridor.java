package org.corridor;

import java.io.PrintWriter;
import java.time.InstantSource;
import org.corridor.cli.Commands;
import org.corridor.cli.Environment;
import org.corridor.ledger.jdbc.Ledgers;

/**
 * The entry point: {@code corridor serve | demo | load | tallies}. It wires the real store and clock into the
 * commands; the commands are listed in {@link Commands}.
 */
public final class Corridor {
    private Corridor() {}

    public static void main(String[] args) {
        Environment environment =
                new Environment(Ledgers::open, Ledgers::accessStore, InstantSource.system(), System.getenv());
        int exitCode = Commands.commandLine(
                        environment, new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args);
        System.exit(exitCode);
    }
}

package org.corridor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.corridor.bundle.BundleWriter;
import org.corridor.core.NotFoundException;
import org.corridor.integrity.Checkpoint;
import org.corridor.integrity.SignedNote;
import org.corridor.ledger.Ledger;
import org.corridor.service.TransparencyLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code corridor export}: an operation's log as a bundle that anyone can check offline. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write an operation's bundle (CONTRACT §6): its definition with the monitors' keys, its observations in"
                    + " log order exactly as logged, a checkpoint signed now over all of them, and the server's key.",
            "Check it anywhere with corridor verify. Personal data is never in it."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  corridor export aleppo-2016-12 --out aleppo-2016-12.zip",
            "  corridor export aleppo-2016-12 --out /tmp/a.zip --db jdbc:postgresql://db.example/corridor"
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.OK_LINE,
            "1:the operation is unknown, or a stored observation no longer matches its log (the bundle is written as"
                    + " the store reads, and verify names the observation)",
            ExitCodes.USAGE_LINE,
            ExitCodes.FAILURE_LINE
        })
final class ExportCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    LogKeyOptions logKey;

    @Parameters(index = "0", paramLabel = "OP", description = "The operation's id.")
    String operationId;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the bundle. Default: OP.zip")
    Path out;

    ExportCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        String jdbcUrl = store.jdbcUrl("corridor.db");
        Path file = out == null ? Path.of(operationId + ".zip") : out;
        try (Ledger ledger = environment.ledgers().apply(jdbcUrl)) {
            String definition = ledger.operation(operationId)
                    .orElseThrow(() -> new NotFoundException(
                            "there is no operation '" + operationId + "' in this store; corridor load it first"));
            TransparencyLog log = logKey.open(ledger, store.keptKey(jdbcUrl));
            String note = log.checkpoint(operationId);
            Checkpoint checkpoint = Checkpoint.parse(
                    SignedNote.Verifier.parse(log.verifierKey()).open(note));
            BundleWriter.Written written = BundleWriter.write(
                    file, definition, BundleWriter.leavesOf(ledger, operationId), note, checkpoint, log.verifierKey());
            return report(written, checkpoint, file);
        }
    }

    private int report(BundleWriter.Written written, Checkpoint checkpoint, Path file) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("exported " + written.observations() + " observations of " + operationId + " to " + file
                + " (checkpoint " + checkpoint.origin() + " at " + checkpoint.size() + ")");
        if (written.firstChangedSeq() > 0 || !written.logAgrees()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("warning: "
                    + (written.firstChangedSeq() > 0
                            ? "the stored observation seq " + written.firstChangedSeq() + " no longer gives the hash"
                                    + " the log recorded when it was appended: it was changed outside Corridor."
                            : "the log's stored hashes do not give the checkpoint's root.")
                    + " The bundle holds the store as it now reads; corridor verify " + file + " names what differs");
            return ExitCodes.REFUSED;
        }
        return ExitCodes.OK;
    }
}

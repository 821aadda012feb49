package org.corridor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.corridor.core.ConflictException;
import org.corridor.core.CorridorException;
import org.corridor.core.NotFoundException;
import org.corridor.core.Problems;
import org.corridor.integrity.BatchedNodes;
import org.corridor.integrity.MerkleLog;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewEntry;
import org.corridor.ledger.References;
import org.corridor.ledger.StoredEntry;
import org.corridor.observation.Observation;
import org.corridor.observation.ObservationJson;
import org.corridor.observation.ObservationReader;
import org.corridor.operation.Operation;
import org.corridor.operation.OperationReader;
import org.corridor.service.CorridorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code corridor migrate}: copies operations' whole histories from one store to another, log and all. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = {
            "Copy operations from one store to another (SQLite to PostgreSQL, or back): each definition, every"
                    + " observation in its log order, and the checkpoints signed over them, so that the tallies and"
                    + " the log roots are identical afterwards.",
            "Run it again to copy what was added since; it first checks that the target holds exactly the start of"
                    + " the source's log, and refuses otherwise. Stop the servers writing to the source first."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  corridor migrate --from jdbc:sqlite:./data/corridor.db \\",
            "      --to 'jdbc:postgresql://db.example:5432/corridor?user=corridor&password=...'",
            "  corridor migrate --from jdbc:sqlite:./data/demo.db --to jdbc:sqlite:/tmp/copy.db --operation aleppo-2016-12"
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.OK_LINE,
            "1:an operation is unknown, or the target's log is not the start of the source's (nothing copied to it)",
            ExitCodes.USAGE_LINE,
            ExitCodes.FAILURE_LINE
        })
final class MigrateCommand implements Callable<Integer> {
    private static final int PAGE = 1_000;

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "JDBC_URL", description = "The store to copy from.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "JDBC_URL", description = "The store to copy to.")
    String to;

    @Option(
            names = "--operation",
            paramLabel = "OP",
            description = "An operation to copy (repeat for several). Default: every operation")
    List<String> operations;

    MigrateCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        requireStore("--from", from);
        requireStore("--to", to);
        if (from.equals(to)) {
            throw new ParameterException(spec.commandLine(), "--to: the target is the source; name another store");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Ledger source = environment.ledgers().apply(from);
                Ledger target = environment.ledgers().apply(to)) {
            List<String> chosen = operations == null ? source.operationIds() : operations;
            for (String operationId : chosen) {
                out.println(copy(source, target, operationId));
                out.flush();
            }
        }
        return ExitCodes.OK;
    }

    private String copy(Ledger source, Ledger target, String operationId) {
        String definition = source.operation(operationId)
                .orElseThrow(() -> new NotFoundException("there is no operation '" + operationId + "' in --from"));
        Operation operation = OperationReader.read(
                CorridorService.parseJson(definition.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        target.putOperation(operationId, definition, ObservationJson.defined(operation));
        long sourceSize = source.size(operationId);
        long already = target.size(operationId);
        requirePrefix(source, target, operationId, already, sourceSize);
        Progress progress = Progress.forItems(sourceSize - already);
        for (long after = already; after < sourceSize; ) {
            List<StoredEntry> page = source.read(operationId, after, (int) Math.min(PAGE, sourceSize - after));
            List<NewEntry> entries = new ArrayList<>(page.size());
            // Personal data goes along still sealed: it opens on the target with the same persons key.
            page.forEach(entry -> entries.add(entry(operation, entry)
                    .withPersons(
                            entry.body().contains("\"personsDigest\"")
                                    ? source.persons(operationId, entry.id()).orElse(null)
                                    : null)));
            target.append(operationId, entries);
            after += page.size();
            progress.advance(page.size());
        }
        progress.done();
        copyCheckpoints(source, target, operationId);
        byte[] sourceRoot = root(source, operationId, sourceSize);
        if (!MessageDigest.isEqual(sourceRoot, root(target, operationId, sourceSize))) {
            throw new CorridorException("after copying, the target's log root of operation '" + operationId
                    + "' differs from the source's: the target was written to meanwhile; run migrate again");
        }
        return "migrated " + operationId + ": " + (sourceSize - already) + " observations copied, " + already
                + " already there; log root of " + sourceSize + " "
                + Base64.getEncoder().encodeToString(sourceRoot) + " on both";
    }

    private void requirePrefix(Ledger source, Ledger target, String operationId, long already, long sourceSize) {
        if (already > sourceSize) {
            throw new ConflictException(
                    "the target holds " + already + " observations of '" + operationId + "', the" + " source only "
                            + sourceSize + ": it is not a copy of this source; nothing was copied",
                    List.of());
        }
        if (already > 0
                && !MessageDigest.isEqual(root(source, operationId, already), root(target, operationId, already))) {
            throw new ConflictException(
                    "the target's " + already + " observations of '" + operationId + "' are not"
                            + " the first " + already
                            + " of the source's log: it is not a copy of this source; nothing was"
                            + " copied",
                    List.of());
        }
    }

    private static NewEntry entry(Operation operation, StoredEntry stored) {
        JsonNode tree = CorridorService.parseJson(stored.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Observation observation = ObservationReader.readStored(tree, operation, new Problems());
        if (observation != null) {
            return ObservationJson.entry(observation, tree);
        }
        // Stored under an older definition that no longer reads it: copied byte for byte all the same, since the
        // log must hold every leaf; it uses no id the current definition would have to keep.
        return new NewEntry(
                stored.id(),
                tree.path("type").asText("unknown"),
                tree.path("at").asText(""),
                stored.body(),
                References.none());
    }

    private static void copyCheckpoints(Ledger source, Ledger target, String operationId) {
        source.latestCheckpoint(operationId).ifPresent(latest -> target.putCheckpoint(operationId, latest));
    }

    private static byte[] root(Ledger ledger, String operationId, long size) {
        return BatchedNodes.compute(
                nodes -> ledger.logNodes(operationId, nodes), nodes -> MerkleLog.rootHash(nodes, size));
    }

    private void requireStore(String option, String url) {
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new ParameterException(
                    spec.commandLine(),
                    option + ": Corridor stores in SQLite or PostgreSQL: use jdbc:sqlite:PATH or"
                            + " jdbc:postgresql://HOST:PORT/DATABASE");
        }
    }
}

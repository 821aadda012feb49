package org.corridor.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.corridor.integrity.Ed25519;
import org.corridor.integrity.Jcs;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewEntry;
import org.corridor.ledger.jdbc.Ledgers;
import org.corridor.observation.Observation;
import org.corridor.observation.ObservationJson;
import org.corridor.observation.Signatures;
import org.corridor.operation.OperationWriter;

/**
 * What the ledger's append costs on its own, in this process: the signed observations of the synthetic operation, in
 * stored form beforehand, appended to a new SQLite ledger in batches of 1,000 ({@code Ledger.append}: the unique key on
 * ids, the Merkle log's rows, the references, one durable commit per batch), with no HTTP, reading, checking or
 * counting. Prints each run's wall and CPU time per observation (every thread of this process) and their medians; the
 * part of signed ingest that is not verifying, and what is left of it besides the store, are read against it
 * (BENCHMARKS.md). Run: {@code bench/run -main org.corridor.bench.LedgerAppendBenchmark [observations] [runs] [warm-up
 * runs]}.
 */
public final class LedgerAppendBenchmark {
    private static final int BATCH = 1_000;

    private LedgerAppendBenchmark() {}

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<NewEntry> entries = signedEntries(total);
        String definition = Jcs.canonicalText(OperationWriter.write(SyntheticOperation.OPERATION));
        String operationId = SyntheticOperation.OPERATION.id();
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int run = -warmups; run < runs; run++) {
            int slot = Math.max(0, run);
            Path directory = Files.createTempDirectory("corridor-ledger-append");
            try (Ledger ledger = Ledgers.open("jdbc:sqlite:" + directory.resolve("corridor.db"))) {
                ledger.putOperation(operationId, definition, ObservationJson.defined(SyntheticOperation.OPERATION));
                IngestBenchmark.awaitIdleCompilers();
                long cpuStart = IngestBenchmark.processCpuNanos();
                long start = System.nanoTime();
                for (int from = 0; from < total; from += BATCH) {
                    ledger.append(operationId, entries.subList(from, Math.min(total, from + BATCH)));
                }
                wall[slot] = (System.nanoTime() - start) / 1e3 / total;
                cpu[slot] = (IngestBenchmark.processCpuNanos() - cpuStart) / 1e3 / total;
            } finally {
                RawSqliteAppend.deleteRecursively(directory);
            }
            System.out.printf(
                    "%s: %.1f µs of wall time and %.1f µs of CPU per observation%n",
                    IngestBenchmark.label(run, warmups), wall[slot], cpu[slot]);
        }
        System.out.printf(
                "median of %d runs (after %d warm-up), %,d signed observations in batches of %,d: %.1f µs of wall time,"
                        + " %.1f µs of CPU per observation%n",
                runs, warmups, total, BATCH, IngestBenchmark.median(wall), IngestBenchmark.median(cpu));
    }

    /** The synthetic operation's observations, each signed by its monitor, as the service would append them. */
    private static List<NewEntry> signedEntries(int total) {
        Map<String, Ed25519.KeyPair> keys = SignedIngestBenchmark.keys(SyntheticOperation.OPERATION);
        List<NewEntry> entries = new ArrayList<>(total);
        for (Observation observation : SyntheticOperation.observations(total, 7)) {
            ObjectNode signed = Signatures.sign(SyntheticOperation.json(observation), keys.get(observation.monitor()));
            entries.add(ObservationJson.entry(observation, signed));
        }
        return entries;
    }
}

package org.corridor.service;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.StoredEntry;
import org.corridor.operation.Operation;
import org.corridor.tally.LiveTallies;
import org.corridor.tally.OperationTallies;
import org.corridor.tally.TallySnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that let a restart skip most of the ledger replay: each holds an operation's live-tally facts as of a
 * sequence number, with the id of the observation at that number. A snapshot is used only when the ledger still has
 * that id at that number (observations never change, so the facts before it are the same); otherwise, or when the
 * file is damaged, it is ignored and the whole ledger is replayed. It holds no notes, names or signatures: the same
 * facts the numbers are made of, then the facts of the signed observations alone when the operation keeps them (which
 * observations were signed cannot be told from the facts, so the file carries that view too).
 */
final class TallySnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(TallySnapshots.class);

    /** Marks the part after the facts of all observations: a flag, then the facts of the signed ones if set. */
    private static final String SIGNED_VIEW = "signed-view";

    private final Path directory;

    TallySnapshots(Path directory) {
        this.directory = directory;
    }

    /** The tallies as of the snapshot's sequence number, and that number; empty when there is no usable one. */
    Optional<Restored> load(Operation operation, Ledger ledger) {
        Path file = file(operation.id());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
            String operationId = TallySnapshot.readText(in);
            long seq = in.getLong();
            UUID lastId = new UUID(in.getLong(), in.getLong());
            if (!operationId.equals(operation.id()) || !ledgerHas(ledger, operation.id(), seq, lastId)) {
                LOG.atInfo()
                        .addKeyValue("operation", operation.id())
                        .log("tally snapshot does not match the ledger; replaying it all");
                return Optional.empty();
            }
            LiveTallies all = TallySnapshot.readInto(operation, in);
            if (!SIGNED_VIEW.equals(TallySnapshot.readText(in))) {
                throw new IOException("the snapshot does not say whether it holds a signed view");
            }
            LiveTallies signed = in.get() != 0 ? TallySnapshot.readInto(operation, in) : null;
            return Optional.of(new Restored(OperationTallies.restored(all, signed), seq));
        } catch (IOException | RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("operation", operation.id())
                    .addKeyValue("file", file)
                    .addKeyValue("error", e.toString())
                    .log("tally snapshot unreadable; replaying the ledger");
            return Optional.empty();
        }
    }

    private static boolean ledgerHas(Ledger ledger, String operationId, long seq, UUID id) {
        if (seq < 1 || seq > ledger.size(operationId)) {
            return false;
        }
        List<StoredEntry> entry = ledger.read(operationId, seq - 1, 1);
        return entry.size() == 1
                && entry.getFirst().seq() == seq
                && entry.getFirst().id().equals(id);
    }

    /** Writes the snapshot atomically: a reader sees the old file or the new one, never half of one. */
    void save(String operationId, long seq, UUID lastId, OperationTallies.Snapshot snapshot) {
        Path file = file(operationId);
        Path partial = null;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, operationId + ".", ".partial");
            try (OutputStream raw = Files.newOutputStream(partial);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                TallySnapshot.writeText(out, operationId);
                out.writeLong(seq);
                out.writeLong(lastId.getMostSignificantBits());
                out.writeLong(lastId.getLeastSignificantBits());
                snapshot.all().writeTo(out);
                TallySnapshot.writeText(out, SIGNED_VIEW);
                out.writeBoolean(snapshot.signed() != null);
                if (snapshot.signed() != null) {
                    snapshot.signed().writeTo(out);
                }
            }
            move(partial, file);
            LOG.atDebug()
                    .addKeyValue("operation", operationId)
                    .addKeyValue("seq", seq)
                    .log("tally snapshot written");
        } catch (IOException e) {
            LOG.atWarn()
                    .addKeyValue("operation", operationId)
                    .addKeyValue("file", file)
                    .addKeyValue("error", e.toString())
                    .log("tally snapshot not written; the next start will replay the ledger");
            deleteQuietly(partial);
        }
    }

    private static void deleteQuietly(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            LOG.atWarn().addKeyValue("file", partial).log("could not delete a partial tally snapshot");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path file(String operationId) {
        return directory.resolve(operationId + ".tally");
    }

    /** Live tallies read from a snapshot, and the sequence number they cover up to. */
    record Restored(OperationTallies tallies, long seq) {}
}

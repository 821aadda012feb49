package org.corridor.bundle;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.corridor.core.CorridorException;
import org.corridor.integrity.Checkpoint;
import org.corridor.integrity.Frontier;
import org.corridor.integrity.MerkleLog;

/**
 * Writes a bundle: the definition, the first {@code size} observations of the log as stored, the checkpoint of
 * exactly that size, the server's key, and the log's own leaf hashes. It writes what the store holds, faithfully:
 * a row changed outside Corridor is exported as it now reads, and reported, so that {@code verify} can name it.
 */
public final class BundleWriter {
    private static final int PAGE = 2_000;

    private BundleWriter() {}

    /** One leaf as stored: the observation's body and the hash the log recorded for it when it was appended. */
    public record Leaf(long seq, String body, byte[] loggedHash) {}

    /** The first {@code size} leaves of the log, in order. */
    public interface Leaves {
        void forEach(long size, java.util.function.Consumer<Leaf> leaf);
    }

    /** The leaves of an operation's log as the ledger stores them, read a page of bodies and hashes at a time. */
    public static Leaves leavesOf(org.corridor.ledger.Ledger ledger, String operationId) {
        return (size, leaf) -> {
            long after = 0;
            while (after < size) {
                var page = ledger.read(operationId, after, (int) Math.min(PAGE, size - after));
                var hashes = ledger.leafHashes(operationId, after, page.size());
                for (int i = 0; i < page.size(); i++) {
                    leaf.accept(new Leaf(page.get(i).seq(), page.get(i).body(), hashes.get(i)));
                }
                after += page.size();
            }
        };
    }

    /**
     * What was written.
     *
     * @param observations how many observations the bundle holds
     * @param firstChangedSeq the first observation whose stored body no longer gives its logged hash, or 0
     * @param logAgrees whether the logged leaf hashes give the checkpoint's root
     */
    public record Written(long observations, long firstChangedSeq, boolean logAgrees) {}

    /** Writes the bundle to {@code out}, through a temporary file so that a failure leaves no half bundle. */
    public static Written write(
            Path out,
            String definitionJson,
            Leaves leaves,
            String checkpointNote,
            Checkpoint checkpoint,
            String verifierKey) {
        Path temporary = temporaryBeside(out);
        try {
            Written written;
            try (ZipOutputStream zip =
                    new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                put(zip, Bundle.OPERATION, (definitionJson + "\n").getBytes(StandardCharsets.UTF_8));
                put(zip, Bundle.CHECKPOINT, checkpointNote.getBytes(StandardCharsets.UTF_8));
                put(zip, Bundle.SERVER_KEY, (verifierKey + "\n").getBytes(StandardCharsets.UTF_8));
                ByteArrayOutputStream hashes = new ByteArrayOutputStream();
                written = observations(zip, leaves, checkpoint, hashes);
                put(zip, Bundle.LEAF_HASHES, hashes.toByteArray());
            }
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException | UncheckedIOException e) {
            throw new CorridorException("could not write the bundle " + out + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static Written observations(
            ZipOutputStream zip, Leaves leaves, Checkpoint checkpoint, ByteArrayOutputStream hashes)
            throws IOException {
        zip.putNextEntry(new ZipEntry(Bundle.OBSERVATIONS));
        Frontier logged = new Frontier();
        long[] firstChanged = {0};
        leaves.forEach(checkpoint.size(), leaf -> {
            byte[] bytes = leaf.body().getBytes(StandardCharsets.UTF_8);
            if (firstChanged[0] == 0 && !MessageDigest.isEqual(MerkleLog.leafHash(bytes), leaf.loggedHash())) {
                firstChanged[0] = leaf.seq();
            }
            logged.append(leaf.loggedHash());
            hashes.writeBytes(leaf.loggedHash());
            try {
                zip.write(bytes);
                zip.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        zip.closeEntry();
        boolean agrees = logged.size() == checkpoint.size() && MessageDigest.isEqual(logged.root(), checkpoint.root());
        return new Written(logged.size(), firstChanged[0], agrees);
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static Path temporaryBeside(Path out) {
        try {
            Path directory = out.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            return Files.createTempFile(directory, ".bundle", ".zip");
        } catch (IOException e) {
            throw new CorridorException("cannot write to " + out + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file is left behind; the bundle itself is complete or absent
        }
    }
}

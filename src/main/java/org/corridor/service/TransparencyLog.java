package org.corridor.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.corridor.core.CorridorException;
import org.corridor.core.IntegrityException;
import org.corridor.core.InvalidInputException;
import org.corridor.integrity.BatchedNodes;
import org.corridor.integrity.Checkpoint;
import org.corridor.integrity.MerkleLog;
import org.corridor.integrity.ProofException;
import org.corridor.integrity.SignedNote;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.StoredCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each operation's Merkle log as the world sees it: signed checkpoints, and inclusion and consistency proofs read
 * from the hashes the ledger stores. Thread-safe.
 *
 * <h2>Design note: no checkpoint contradicts an earlier one</h2>
 *
 * <p>Every checkpoint signed is kept in the store. Before signing a larger tree, the log proves, from the stored
 * hashes, that the new tree extends the largest one signed before (a consistency proof checked against the kept
 * root), so a hash changed or lost outside Corridor stops the signing, with a message, rather than producing a
 * checkpoint that contradicts one already published. A store with fewer leaves than a signed checkpoint (restored
 * from an older backup) is refused the same way. This holds across restarts because the record is in the store,
 * not in memory; the key is kept too (see {@code corridor serve --key}). Because a store restored from a backup
 * brings back its own older record, the latest checkpoint of each operation is also remembered outside the store,
 * in a directory beside the key, and a new checkpoint must extend the larger of the two.
 */
public final class TransparencyLog {
    private static final Logger LOG = LoggerFactory.getLogger(TransparencyLog.class);

    private final Ledger ledger;
    private final SignedNote.Signer signer;
    private final String originPrefix;
    private final String keyId;
    private final Map<String, StoredCheckpoint> latest = new ConcurrentHashMap<>();
    private final Map<String, Object> signing = new ConcurrentHashMap<>();
    private final Path memory;

    /**
     * A log over {@code ledger} signing with {@code signer}; each operation's origin line is
     * {@code originPrefix/OPERATION}. Remembers the latest checkpoints only in the store.
     */
    public TransparencyLog(Ledger ledger, SignedNote.Signer signer, String originPrefix) {
        this(ledger, signer, originPrefix, null);
    }

    /**
     * As {@link #TransparencyLog(Ledger, SignedNote.Signer, String)}, also remembering each operation's latest
     * checkpoint in the directory {@code memory}, outside the store, so that a store rolled back to an older copy
     * cannot lead to a checkpoint that contradicts one already published.
     */
    public TransparencyLog(Ledger ledger, SignedNote.Signer signer, String originPrefix, Path memory) {
        this.memory = memory;
        if (originPrefix == null
                || originPrefix.isBlank()
                || originPrefix.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a log origin prefix is non-empty text without spaces: " + originPrefix);
        }
        this.ledger = ledger;
        this.signer = signer;
        this.originPrefix = originPrefix;
        this.keyId = signer.verifier().name() + "+" + signer.verifier().keyIdHex();
    }

    /** The server's verifier key in signed-note form: {@code name+keyid+base64}. */
    public String verifierKey() {
        return signer.verifier().text();
    }

    /** The origin line of an operation's checkpoints. */
    public String origin(String operationId) {
        return originPrefix + "/" + operationId;
    }

    /** How many leaves the operation's log holds now. */
    public long size(String operationId) {
        return ledger.size(operationId);
    }

    /**
     * A signed checkpoint of the operation's whole log as it stands, consistent with every one signed before.
     *
     * @throws IntegrityException when the stored log no longer extends the largest checkpoint signed before
     */
    public String checkpoint(String operationId) {
        long size = ledger.size(operationId);
        StoredCheckpoint known = latest.get(operationId);
        if (known != null && known.size() == size && known.keyId().equals(keyId)) {
            return known.note();
        }
        synchronized (signing.computeIfAbsent(operationId, id -> new Object())) {
            return sign(operationId, size);
        }
    }

    private String sign(String operationId, long size) {
        Optional<StoredCheckpoint> previous = larger(ledger.latestCheckpoint(operationId), remembered(operationId));
        byte[] root = root(operationId, size);
        if (previous.isPresent()) {
            requireExtends(operationId, previous.get(), size, root);
        }
        StoredCheckpoint own = ledger.checkpoint(operationId, size, keyId).orElse(null);
        if (own == null) {
            String note = signer.sign(new Checkpoint(origin(operationId), size, root).text());
            own = new StoredCheckpoint(size, keyId, root, note);
            ledger.putCheckpoint(operationId, own);
            remember(operationId, own);
            LOG.atInfo()
                    .addKeyValue("operation", operationId)
                    .addKeyValue("size", size)
                    .addKeyValue("key", keyId)
                    .log("checkpoint signed");
        }
        latest.merge(operationId, own, (a, b) -> a.size() >= b.size() ? a : b);
        return own.note();
    }

    private static Optional<StoredCheckpoint> larger(Optional<StoredCheckpoint> a, Optional<StoredCheckpoint> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().size() > a.get().size() ? b : a;
    }

    /** The checkpoint remembered outside the store for an operation, if any. */
    private Optional<StoredCheckpoint> remembered(String operationId) {
        Path file = memoryFile(operationId);
        if (file == null || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String note = Files.readString(file, StandardCharsets.UTF_8);
            String[] keyAndNote = note.split("\n", 2);
            Checkpoint checkpoint = Checkpoint.parse(keyAndNote[1].substring(0, keyAndNote[1].indexOf("\n\n") + 1));
            return Optional.of(
                    new StoredCheckpoint(checkpoint.size(), keyAndNote[0], checkpoint.root(), keyAndNote[1]));
        } catch (IOException | RuntimeException e) {
            throw new CorridorException("could not read the remembered checkpoint " + file + ": " + e.getMessage()
                    + ". It guards against a store restored from an older copy; restore the file, or remove it if"
                    + " you are sure the store is the latest");
        }
    }

    private void remember(String operationId, StoredCheckpoint checkpoint) {
        Path file = memoryFile(operationId);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(memory);
            Path temporary = Files.createTempFile(memory, ".checkpoint", ".tmp");
            Files.writeString(temporary, checkpoint.keyId() + "\n" + checkpoint.note(), StandardOpenOption.SYNC);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CorridorException(
                    "could not remember the checkpoint in " + memory + ": " + e.getMessage()
                            + ". Check that the directory is writable",
                    e);
        }
    }

    private Path memoryFile(String operationId) {
        return memory == null ? null : memory.resolve(operationId + ".checkpoint");
    }

    private void requireExtends(String operationId, StoredCheckpoint previous, long size, byte[] root) {
        if (previous.size() > size) {
            throw new IntegrityException("the log of operation '" + operationId + "' holds " + size + " observations,"
                    + " but a checkpoint of " + previous.size() + " was signed before: the store has lost observations"
                    + " (was it restored from an older backup?). Restore the store that holds them; no checkpoint"
                    + " will be signed until then");
        }
        if (previous.size() == 0 || previous.size() == size) {
            if (!MessageDigest.isEqual(previous.root(), root(operationId, previous.size()))) {
                throw changedSince(operationId, previous.size());
            }
            return;
        }
        long from = previous.size();
        List<byte[]> proof = BatchedNodes.compute(
                nodes -> ledger.logNodes(operationId, nodes), nodes -> MerkleLog.consistencyProof(nodes, from, size));
        try {
            MerkleLog.checkConsistency(from, size, previous.root(), root, proof);
        } catch (ProofException e) {
            throw changedSince(operationId, from);
        }
    }

    private static IntegrityException changedSince(String operationId, long size) {
        return new IntegrityException("the stored Merkle log of operation '" + operationId + "' no longer matches the"
                + " checkpoint of " + size + " observations signed before: its hashes were changed outside Corridor."
                + " Run corridor export and corridor verify to find the observation; no checkpoint will be signed"
                + " until the store is restored");
    }

    /** The root hash of the first {@code size} leaves. */
    public byte[] root(String operationId, long size) {
        return BatchedNodes.compute(
                nodes -> ledger.logNodes(operationId, nodes), nodes -> MerkleLog.rootHash(nodes, size));
    }

    /** An inclusion proof, bottom first, and the leaf's hash. */
    public record Inclusion(long index, long size, byte[] leafHash, List<byte[]> proof) {}

    /** A consistency proof between two sizes. */
    public record Consistency(long from, long to, List<byte[]> proof) {}

    /**
     * The proof that leaf {@code index} is in the tree of {@code size} leaves.
     *
     * @throws InvalidInputException naming {@code index} or {@code size} when they are outside the log
     */
    public Inclusion inclusion(String operationId, long index, long size) {
        long logSize = ledger.size(operationId);
        requireSizeWithin("size", size, logSize);
        if (size < 1) {
            throw InvalidInputException.of("size", "must be at least 1: a tree of no leaves includes nothing");
        }
        if (index < 0 || index >= size) {
            throw InvalidInputException.of(
                    "index", "must be from 0 to " + (size - 1) + " (leaves are numbered from 0, seq − 1)");
        }
        return BatchedNodes.compute(
                nodes -> ledger.logNodes(operationId, nodes),
                nodes -> new Inclusion(
                        index, size, nodes.subtreeHash(0, index), MerkleLog.inclusionProof(nodes, index, size)));
    }

    /**
     * The proof that the tree of {@code from} leaves is a prefix of the tree of {@code to} leaves.
     *
     * @throws InvalidInputException naming {@code from} or {@code to} when they are outside the log
     */
    public Consistency consistency(String operationId, long from, long to) {
        long logSize = ledger.size(operationId);
        requireSizeWithin("to", to, logSize);
        if (from < 1) {
            throw InvalidInputException.of(
                    "from", "must be at least 1: every tree extends the empty one, and no proof says more");
        }
        if (from > to) {
            throw InvalidInputException.of("from", "must not be more than to (" + to + ")");
        }
        return new Consistency(
                from,
                to,
                BatchedNodes.compute(
                        nodes -> ledger.logNodes(operationId, nodes),
                        nodes -> MerkleLog.consistencyProof(nodes, from, to)));
    }

    private static void requireSizeWithin(String field, long size, long logSize) {
        if (size > logSize) {
            throw InvalidInputException.of(
                    field,
                    "the log holds " + logSize + " leaves; " + size + " is beyond it. Ask for a size up to " + logSize
                            + " (the latest checkpoint's size)");
        }
    }
}

package org.corridor.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.corridor.integrity.BatchedNodes;

/**
 * The append-only store of operation definitions and observations. Each operation's observations have a sequence
 * 1, 2, 3, ... in the order they were stored, with no gaps; an observation once acknowledged is never changed or
 * lost. Implementations are thread-safe.
 *
 * <p>Each operation's observations are also the leaves of its Merkle log (RFC 6962): leaf i is the UTF-8 bytes of
 * the body stored with seq i + 1. The hash of every complete perfect subtree is stored in the same transaction as
 * the observation that completes it, so that proofs read a few stored hashes and never rebuild the tree.
 */
public interface Ledger extends AutoCloseable {

    /**
     * Stores a definition. Identical to the stored one: {@link DefinitionChange#UNCHANGED}; new:
     * {@link DefinitionChange#CREATED}; different: {@link DefinitionChange#REPLACED}, keeping every observation.
     *
     * @param definitionJson the canonical JSON form of the definition
     * @param stillDefined tells whether an id of a given kind is still defined, so the replacement can be refused
     * @throws org.corridor.core.ConflictException when the replacement drops an id that stored observations use
     */
    DefinitionChange putOperation(String operationId, String definitionJson, References stillDefined);

    /** The stored definition's canonical JSON. */
    Optional<String> operation(String operationId);

    /** The ids of every stored operation, in the order they were first stored. */
    List<String> operationIds();

    /**
     * Every stored operation's id, highest sequence number and definition version, in the order they were first
     * stored, read at once: cheap enough to poll.
     */
    List<OperationHead> heads();

    /**
     * Appends a batch in one transaction, stored whole or not at all (the transaction may hold other batches appended
     * at the same moment): each entry is stored (a new sequence number), found identical to the one stored under its
     * id (duplicate), or found different from it (conflict). The results are in the batch's order.
     * When this returns, every created entry is durable, with the personal data sealed beside it
     * ({@link NewEntry#persons()}); a duplicate's personal data is kept too when none was kept before.
     */
    List<AppendResult> append(String operationId, List<NewEntry> batch);

    /**
     * The personal data sealed beside an observation, if any was stored with it (in the same transaction as the
     * observation, or with an identical re-send of it).
     */
    Optional<SealedPersons> persons(String operationId, java.util.UUID observationId);

    /** Up to {@code limit} stored entries with a sequence above {@code afterSeq}, in sequence order. */
    List<StoredEntry> read(String operationId, long afterSeq, int limit);

    /** Every stored entry of an operation in sequence order, streamed without holding them all at once. */
    void forEach(String operationId, Consumer<StoredEntry> consumer);

    /** How many observations the operation has (its highest sequence number). */
    long size(String operationId);

    /** The ids that stored observations of the operation use, by kind. */
    References used(String operationId);

    /** The stored hashes of complete subtrees of an operation's Merkle log; each node asked for must exist. */
    Map<BatchedNodes.Node, byte[]> logNodes(String operationId, Set<BatchedNodes.Node> nodes);

    /** Up to {@code limit} stored leaf hashes from leaf {@code fromIndex} on, in order (leaf i is seq i + 1). */
    List<byte[]> leafHashes(String operationId, long fromIndex, int limit);

    /** Stores a report with the operation; its sequence number is the next one. */
    StoredReport addReport(String operationId, java.util.UUID id, String bodyJson);

    /** Every report stored with the operation, in the order stored. */
    List<StoredReport> reports(String operationId);

    /** The checkpoint of the largest tree the server has signed for the operation, if any. */
    Optional<StoredCheckpoint> latestCheckpoint(String operationId);

    /** The checkpoint signed by {@code keyId} for a tree of {@code size} leaves, if one was kept. */
    Optional<StoredCheckpoint> checkpoint(String operationId, long size, String keyId);

    /** Keeps a signed checkpoint; keeping the same size and key again changes nothing. */
    void putCheckpoint(String operationId, StoredCheckpoint checkpoint);

    /**
     * Calls {@code appended} soon after any process sharing the store commits an append or a definition (with the operation's id,
     * or null when it cannot tell which), until the returned handle is closed. Stores that cannot tell return a
     * handle that never calls; readers then rely on polling. Appends by this process may be reported too.
     */
    default AutoCloseable watchChanges(Consumer<String> appended) {
        return () -> {};
    }

    @Override
    void close();
}

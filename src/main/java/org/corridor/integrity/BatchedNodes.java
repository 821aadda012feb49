package org.corridor.integrity;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a computation over a Merkle log's stored subtrees (a root, an inclusion or a consistency proof) with one
 * batched read of the hashes it needs, rather than one read per hash.
 *
 * <p>Which subtrees a proof visits depends only on the indices and sizes asked for, never on the hashes themselves,
 * so a first pass with placeholder hashes learns the exact set, the store reads them at once, and a second pass
 * computes the answer from them.
 */
public final class BatchedNodes {
    private static final byte[] PLACEHOLDER = new byte[MerkleLog.HASH_LENGTH];

    private BatchedNodes() {}

    /** A perfect subtree by its level and its index at that level. */
    public record Node(int level, long index) {}

    /** Reads the hashes of complete subtrees; every node asked for must be in the answer. */
    public interface Reader {
        Map<Node, byte[]> read(Set<Node> nodes);
    }

    /** The result of {@code computation}, its hashes read from {@code reader} in one call. */
    public static <T> T compute(Reader reader, Function<NodeSource, T> computation) {
        Set<Node> wanted = new LinkedHashSet<>();
        computation.apply((level, index) -> {
            wanted.add(new Node(level, index));
            return PLACEHOLDER;
        });
        Map<Node, byte[]> hashes = wanted.isEmpty() ? Map.of() : reader.read(wanted);
        return computation.apply((level, index) -> {
            byte[] hash = hashes.get(new Node(level, index));
            if (hash == null) {
                throw new ProofException(
                        "the store holds no hash for the subtree at level %d, index %d".formatted(level, index));
            }
            return hash;
        });
    }
}

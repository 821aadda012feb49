package org.corridor.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle log: the roots of the perfect subtrees its leaves decompose into, one per set bit of the
 * size, which is all it takes to append and to know the root.
 *
 * <p>Appending a leaf completes one subtree per trailing set bit of the old size, and {@link #append} returns them:
 * exactly what a store must write, once, for {@link MerkleLog}'s proofs to read later. A frontier is rebuilt from
 * such a store with {@link #of}, in O(log n) reads, and a checker recomputes a root over millions of leaves in
 * O(log n) memory.
 */
public final class Frontier {
    private final List<byte[]> roots = new ArrayList<>(); // the largest (leftmost) subtree first
    private long size;

    /** A completed perfect subtree: its level, its index at that level, and its hash. */
    public record Subtree(int level, long index, byte[] hash) {}

    /** The frontier of an empty log. */
    public Frontier() {}

    /** The frontier of the first {@code size} leaves of {@code nodes}, read with one subtree per set bit of size. */
    public static Frontier of(NodeSource nodes, long size) {
        if (size < 0) {
            throw new ProofException("a tree cannot have " + size + " leaves");
        }
        Frontier frontier = new Frontier();
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            long width = 1L << level;
            if ((size & width) != 0) {
                byte[] hash = nodes.subtreeHash(level, start >> level);
                MerkleLog.requireHash(hash, "stored subtree hash at level " + level);
                frontier.roots.add(hash.clone());
                start += width;
            }
        }
        frontier.size = size;
        return frontier;
    }

    /** Appends a leaf by its 32-byte leaf hash; returns the subtrees this completes, the leaf itself first. */
    public List<Subtree> append(byte[] leafHash) {
        MerkleLog.requireHash(leafHash, "leaf hash");
        List<Subtree> completed = new ArrayList<>();
        byte[] hash = leafHash.clone();
        int level = 0;
        long index = size;
        completed.add(new Subtree(level, index, hash));
        while ((size & (1L << level)) != 0) {
            hash = MerkleLog.nodeHash(roots.removeLast(), hash);
            level++;
            index >>= 1;
            completed.add(new Subtree(level, index, hash));
        }
        roots.add(hash);
        size++;
        return completed;
    }

    /** An independent copy, to append to without changing this one. */
    public Frontier copy() {
        Frontier copy = new Frontier();
        copy.roots.addAll(roots);
        copy.size = size;
        return copy;
    }

    /** The number of leaves appended. */
    public long size() {
        return size;
    }

    /** The root hash of the log: its subtrees' roots folded from the right; of no leaves, SHA-256 of nothing. */
    public byte[] root() {
        if (roots.isEmpty()) {
            return MerkleLog.emptyRoot();
        }
        byte[] root = roots.getLast();
        for (int i = roots.size() - 2; i >= 0; i--) {
            root = MerkleLog.nodeHash(roots.get(i), root);
        }
        return root.clone();
    }
}

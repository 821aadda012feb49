package org.corridor.integrity;

/**
 * Where proofs read their hashes from: the hash of each perfect subtree of a Merkle log, by level and index.
 *
 * <p>The subtree at {@code (level, index)} covers leaves {@code [index × 2^level, (index + 1) × 2^level)}; level 0 holds
 * the leaf hashes. Only complete subtrees are asked for, so a store can write each one once, when its last leaf is
 * appended, and never change it.
 */
public interface NodeSource {

    /** The 32-byte hash of the perfect subtree at {@code (level, index)}, which must be complete. */
    byte[] subtreeHash(int level, long index);
}

package org.corridor.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle log held in memory: every complete subtree's hash, kept as leaves are appended (about two hashes per leaf).
 */
public final class MemoryTree implements NodeSource {
    private final List<List<byte[]>> levels = new ArrayList<>();
    private final Frontier frontier = new Frontier();

    /** Appends a leaf given as its bytes, hashing it with the RFC 6962 leaf prefix. */
    public void append(byte[] leaf) {
        appendLeafHash(MerkleLog.leafHash(leaf));
    }

    /** Appends a leaf given as its 32-byte leaf hash, keeping every subtree it completes. */
    public void appendLeafHash(byte[] leafHash) {
        for (Frontier.Subtree subtree : frontier.append(leafHash)) {
            level(subtree.level()).add(subtree.hash());
        }
    }

    /** The number of leaves appended. */
    public long size() {
        return frontier.size();
    }

    /** The root hash of the whole tree. */
    public byte[] rootHash() {
        return frontier.root();
    }

    @Override
    public byte[] subtreeHash(int level, long index) {
        if (level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
            throw new ProofException(
                    "no complete subtree at level %d, index %d in a tree of %d leaves".formatted(level, index, size()));
        }
        return levels.get(level).get(Math.toIntExact(index)).clone();
    }

    private List<byte[]> level(int level) {
        if (level == levels.size()) {
            levels.add(new ArrayList<>());
        }
        return levels.get(level);
    }
}

package org.corridor.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The math of an append-only Merkle log as RFC 6962 §2.1 (and RFC 9162 §2.1) define it: hashes, root, and inclusion
 * and consistency proofs, made and checked.
 *
 * <h2>Design note: proofs from stored subtrees</h2>
 *
 * <p>A leaf is hashed as SHA-256(0x00 ‖ leaf) and an inner node as SHA-256(0x01 ‖ left ‖ right). The root of n &gt; 1
 * leaves splits them at k, the largest power of two below n: the left part is always a <em>perfect</em> subtree of k
 * leaves, the right part the root of the remaining n − k. Every hash a proof holds is the root of a range of leaves
 * met by that recursion, and each such range starts at a multiple of a power of two at least as large as the range.
 *
 * <p>So a proof is made from a {@link NodeSource} that knows only perfect subtrees, each written once when complete:
 * a range that is itself perfect costs one read; one that is not (only those along the right edge of the tree, at most
 * one per proof for inclusion and two for consistency) is split again, its left part again perfect, which costs one
 * read per level. A proof therefore costs O(log n) reads, never a rebuild of the tree; a store keeps about 2n hashes.
 * Which subtrees to write, as each leaf is appended, is what {@link Frontier#append} returns.
 *
 * <p>Verification follows the step-by-step algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2, which walk the proof
 * bottom-up with the binary forms of the leaf index and the last index. Anything malformed is refused rather than
 * guessed at: hashes that are not 32 bytes, an index outside the tree, a consistency proof from an empty tree, a
 * proof with too many or too few hashes.
 */
public final class MerkleLog {
    /** The length of a SHA-256 hash, and so of every hash in the log. */
    public static final int HASH_LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleLog() {}

    /** The root of a log with no leaves: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** SHA-256(0x00 ‖ leaf). */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        return sha256.digest(leaf);
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** The root hash of the first {@code size} leaves of {@code nodes}; of no leaves, SHA-256 of nothing. */
    public static byte[] rootHash(NodeSource nodes, long size) {
        if (size < 0) {
            throw new ProofException("a tree cannot have " + size + " leaves");
        }
        return rangeHash(nodes, 0, size);
    }

    /** The hashes proving that leaf {@code index} is in the tree of the first {@code size} leaves, bottom first. */
    public static List<byte[]> inclusionProof(NodeSource nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new ProofException("leaf %d is not in a tree of %d leaves".formatted(index, size));
        }
        List<byte[]> proof = new ArrayList<>();
        addInclusionPath(nodes, index, 0, size, proof);
        return proof;
    }

    /** The hashes proving that the tree of {@code size1} leaves is a prefix of the tree of {@code size2}. */
    public static List<byte[]> consistencyProof(NodeSource nodes, long size1, long size2) {
        if (size1 < 1 || size1 > size2) {
            throw new ProofException(
                    "no consistency proof from a tree of %d leaves to one of %d".formatted(size1, size2));
        }
        List<byte[]> proof = new ArrayList<>();
        addSubproof(nodes, size1, 0, size2, true, proof);
        return proof;
    }

    /** Whether {@code proof} shows the leaf with {@code leafHash} at {@code index} in the tree {@code (size, root)}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        try {
            checkInclusion(index, size, leafHash, proof, root);
            return true;
        } catch (ProofException e) {
            return false;
        }
    }

    /** Whether {@code proof} shows the tree {@code (size1, root1)} to be a prefix of {@code (size2, root2)}. */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        try {
            checkConsistency(size1, size2, root1, root2, proof);
            return true;
        } catch (ProofException e) {
            return false;
        }
    }

    /** As {@link #verifyInclusion}, but a failure throws a {@link ProofException} saying what did not hold. */
    public static void checkInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        requireHash(leafHash, "leaf hash");
        requireHash(root, "root");
        requireHashes(proof);
        if (index < 0 || index >= size) {
            throw new ProofException("leaf %d is not in a tree of %d leaves".formatted(index, size));
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                throw new ProofException("the inclusion proof has more hashes than a tree of %d needs".formatted(size));
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the inclusion proof has fewer hashes than a tree of %d needs".formatted(size));
        }
        if (!MessageDigest.isEqual(r, root)) {
            throw new ProofException("the inclusion proof of leaf %d leads to another root".formatted(index));
        }
    }

    /** As {@link #verifyConsistency}, but a failure throws a {@link ProofException} saying what did not hold. */
    public static void checkConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        requireHash(root1, "first root");
        requireHash(root2, "second root");
        requireHashes(proof);
        if (size1 < 1 || size1 > size2) {
            throw new ProofException(
                    "no consistency proof from a tree of %d leaves to one of %d".formatted(size1, size2));
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new ProofException("a tree is consistent with itself by an empty proof, not " + proof.size());
            }
            if (!MessageDigest.isEqual(root1, root2)) {
                throw new ProofException("two trees of %d leaves with different roots".formatted(size1));
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new ProofException("an empty consistency proof between trees of different sizes");
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.addFirst(root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofException("the consistency proof has more hashes than it needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("the consistency proof has fewer hashes than it needs");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new ProofException("the consistency proof leads to another first root");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new ProofException("the consistency proof leads to another second root");
        }
    }

    static void requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != HASH_LENGTH) {
            throw new ProofException("the %s is %s, not %d bytes"
                    .formatted(what, hash == null ? "missing" : hash.length + " bytes", HASH_LENGTH));
        }
    }

    private static void requireHashes(List<byte[]> proof) {
        for (int i = 0; i < proof.size(); i++) {
            requireHash(proof.get(i), "proof hash " + i);
        }
    }

    /** RFC 6962's PATH(m, D[start:start+n]), appended bottom first. */
    private static void addInclusionPath(NodeSource nodes, long m, long start, long n, List<byte[]> proof) {
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            addInclusionPath(nodes, m, start, k, proof);
            proof.add(rangeHash(nodes, start + k, start + n));
        } else {
            addInclusionPath(nodes, m - k, start + k, n - k, proof);
            proof.add(rangeHash(nodes, start, start + k));
        }
    }

    /** RFC 6962's SUBPROOF(m, D[start:start+n], b), appended bottom first. */
    private static void addSubproof(
            NodeSource nodes, long m, long start, long n, boolean wholeOldTree, List<byte[]> proof) {
        if (m == n) {
            if (!wholeOldTree) {
                proof.add(rangeHash(nodes, start, start + n));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            addSubproof(nodes, m, start, k, wholeOldTree, proof);
            proof.add(rangeHash(nodes, start + k, start + n));
        } else {
            addSubproof(nodes, m - k, start + k, n - k, false, proof);
            proof.add(rangeHash(nodes, start, start + k));
        }
    }

    /** MTH(D[start:end]): one read when the range is a perfect subtree, one per level down its right edge if not. */
    private static byte[] rangeHash(NodeSource nodes, long start, long end) {
        long n = end - start;
        if (n == 0) {
            return emptyRoot();
        }
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return nodes.subtreeHash(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(rangeHash(nodes, start, start + k), rangeHash(nodes, start + k, end));
    }

    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** A fresh SHA-256, cloned from one looked up once: looking up the provider cost more than hashing a leaf. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
        }
    }

    private static final MessageDigest SHA256 = lookUpSha256();

    private static MessageDigest lookUpSha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.clone(); // fails here, at class loading, if the provider's digests cannot be cloned
            return digest;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}

package org.corridor.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The Merkle log math: the reference roots, proofs that verify, and proofs that must not. */
class MerkleLogTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_SIZE = 2000;

    /** The reference leaves of transparency-dev/merkle's testonly/constants.go. */
    private static final List<String> REFERENCE_LEAVES =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Their roots by tree size, 0 to 8 (from the vectors' README). */
    private static final List<String> REFERENCE_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** One tree of MAX_SIZE leaves serves every smaller size: a tree's prefix has the same complete subtrees. */
    private static final MemoryTree TREE = treeOf(MAX_SIZE);

    @Test
    void referenceTree_hasThePublishedRoots_atEverySize() {
        MemoryTree tree = new MemoryTree();
        assertThat(HEX.formatHex(tree.rootHash())).isEqualTo(REFERENCE_ROOTS.getFirst());
        for (int size = 1; size <= REFERENCE_LEAVES.size(); size++) {
            tree.append(HEX.parseHex(REFERENCE_LEAVES.get(size - 1)));
            assertThat(HEX.formatHex(tree.rootHash())).as("root of %d", size).isEqualTo(REFERENCE_ROOTS.get(size));
            assertThat(HEX.formatHex(MerkleLog.rootHash(tree, size - 1)))
                    .as("root of the first %d of %d", size - 1, size)
                    .isEqualTo(REFERENCE_ROOTS.get(size - 1));
        }
    }

    @Test
    void hashes_carryTheirDomainPrefixes() {
        assertThat(HEX.formatHex(MerkleLog.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        byte[] leaf = MerkleLog.leafHash(new byte[] {0});
        assertThat(MerkleLog.nodeHash(leaf, leaf)).isNotEqualTo(MerkleLog.leafHash(concat(leaf, leaf)));
    }

    @Property(tries = 500)
    void storedRoots_equalTheRecursiveDefinition(@ForAll @IntRange(min = 0, max = 300) int size) {
        assertThat(MerkleLog.rootHash(TREE, size)).isEqualTo(referenceRoot(leafHashes(0, size)));
    }

    @Property(tries = 1000)
    void everyInclusionProof_verifies(@ForAll("indexAndSize") long[] indexAndSize) {
        long index = indexAndSize[0];
        long size = indexAndSize[1];
        List<byte[]> proof = MerkleLog.inclusionProof(TREE, index, size);

        assertThat(MerkleLog.verifyInclusion(index, size, leafHash(index), proof, root(size)))
                .isTrue();
    }

    /**
     * A proof of leaf i fails for any other index, and in a tree of any other size (with that tree's root). With the
     * same root, a different size can pass where the path has the same shape: the size is bound by the checkpoint
     * that signs it with the root, not by the proof.
     */
    @Property(tries = 1000)
    void inclusionProof_failsWithAFlippedBit_anotherIndex_orAnotherSize(
            @ForAll("indexAndSize") long[] indexAndSize, @ForAll long noise) {
        long index = indexAndSize[0];
        long size = indexAndSize[1];
        List<byte[]> proof = MerkleLog.inclusionProof(TREE, index, size);
        byte[] leafHash = leafHash(index);
        byte[] root = root(size);

        if (!proof.isEmpty()) {
            assertThat(MerkleLog.verifyInclusion(index, size, leafHash, flipABit(proof, noise), root))
                    .isFalse();
        }
        long otherIndex = Math.floorMod(index + 1 + Math.floorMod(noise, size), size + 1);
        if (otherIndex != index) {
            assertThat(MerkleLog.verifyInclusion(otherIndex, size, leafHash, proof, root))
                    .isFalse();
        }
        long otherSize = 1 + Math.floorMod(size + Math.floorMod(noise, MAX_SIZE - 1), MAX_SIZE);
        if (otherSize != size && index < otherSize) {
            assertThat(MerkleLog.verifyInclusion(index, otherSize, leafHash, proof, root(otherSize)))
                    .isFalse();
        }
        assertThat(MerkleLog.verifyInclusion(
                        index, size, flipABit(List.of(leafHash), noise).getFirst(), proof, root))
                .isFalse();
    }

    @Property(tries = 1000)
    void everyConsistencyProof_verifies(@ForAll("sizePair") long[] sizes) {
        long size1 = sizes[0];
        long size2 = sizes[1];
        List<byte[]> proof = MerkleLog.consistencyProof(TREE, size1, size2);

        assertThat(MerkleLog.verifyConsistency(size1, size2, root(size1), root(size2), proof))
                .isTrue();
    }

    /** A consistency proof fails with any bit flipped, with swapped roots, or between trees of other sizes. */
    @Property(tries = 1000)
    void consistencyProof_failsWithAFlippedBit_orOtherSizes(@ForAll("sizePair") long[] sizes, @ForAll long noise) {
        long size1 = sizes[0];
        long size2 = sizes[1];
        List<byte[]> proof = MerkleLog.consistencyProof(TREE, size1, size2);
        byte[] root1 = root(size1);
        byte[] root2 = root(size2);

        if (!proof.isEmpty()) {
            assertThat(MerkleLog.verifyConsistency(size1, size2, root1, root2, flipABit(proof, noise)))
                    .isFalse();
        }
        long otherSize1 = 1 + Math.floorMod(noise, size2);
        if (otherSize1 != size1) {
            assertThat(MerkleLog.verifyConsistency(otherSize1, size2, root(otherSize1), root2, proof))
                    .isFalse();
        }
        long otherSize2 = size1 + Math.floorMod(noise >>> 8, MAX_SIZE - size1 + 1);
        if (otherSize2 != size2) {
            assertThat(MerkleLog.verifyConsistency(size1, otherSize2, root1, root(otherSize2), proof))
                    .isFalse();
        }
        if (size1 != size2) {
            assertThat(MerkleLog.verifyConsistency(size1, size2, root2, root1, proof))
                    .isFalse();
        }
    }

    @Property(tries = 300)
    void proofs_equalTheRecursiveDefinition(@ForAll("sizePair") long[] sizes) {
        long size1 = sizes[0];
        long size2 = sizes[1];
        List<byte[]> leaves = leafHashes(0, size2);

        assertThat(MerkleLog.inclusionProof(TREE, size1 - 1, size2))
                .containsExactlyElementsOf(referencePath(size1 - 1, leaves));
        assertThat(MerkleLog.consistencyProof(TREE, size1, size2))
                .containsExactlyElementsOf(referenceSubproof(size1, leaves, true));
    }

    @Property(tries = 300)
    void proofs_readLogarithmicallyManyStoredHashes(@ForAll("indexAndSize") long[] indexAndSize) {
        long index = indexAndSize[0];
        long size = indexAndSize[1];
        int levels = 64 - Long.numberOfLeadingZeros(size); // ⌈log2(size + 1)⌉

        CountingSource inclusion = new CountingSource(TREE);
        MerkleLog.inclusionProof(inclusion, index, size);
        assertThat(inclusion.reads).isLessThanOrEqualTo(2 * levels);

        CountingSource consistency = new CountingSource(TREE);
        MerkleLog.consistencyProof(consistency, index + 1, size);
        assertThat(consistency.reads).isLessThanOrEqualTo(3 * levels);
    }

    @Test
    void inclusionProofs_proveOneIndexOnly_inEverySmallTree() {
        for (long size = 1; size <= 64; size++) {
            byte[] root = root(size);
            for (long index = 0; index < size; index++) {
                List<byte[]> proof = MerkleLog.inclusionProof(TREE, index, size);
                for (long claimed = 0; claimed <= size; claimed++) {
                    assertThat(MerkleLog.verifyInclusion(claimed, size, leafHash(index), proof, root))
                            .as("proof of %d claimed for %d in %d", index, claimed, size)
                            .isEqualTo(claimed == index);
                }
            }
        }
    }

    /** Besides the empty proof, which shows any tree consistent with itself. */
    @Test
    void consistencyProofs_proveOnePairOfSizesOnly_amongSmallTrees() {
        for (long size2 = 1; size2 <= 40; size2++) {
            for (long size1 = 1; size1 <= size2; size1++) {
                List<byte[]> proof = MerkleLog.consistencyProof(TREE, size1, size2);
                for (long other1 = 1; other1 <= 40; other1++) {
                    for (long other2 = other1; other2 <= 40; other2++) {
                        assertThat(MerkleLog.verifyConsistency(other1, other2, root(other1), root(other2), proof))
                                .as("proof %d→%d claimed for %d→%d", size1, size2, other1, other2)
                                .isEqualTo(other1 == size1 && other2 == size2 || other1 == other2 && proof.isEmpty());
                    }
                }
            }
        }
    }

    @Test
    void hashesThatAreNot32Bytes_areRefused() {
        byte[] leaf = leafHash(0);
        byte[] root = root(2);
        List<byte[]> proof = MerkleLog.inclusionProof(TREE, 0, 2);
        assertThat(MerkleLog.verifyInclusion(0, 2, leaf, proof, root)).isTrue();
        assertThat(MerkleLog.verifyInclusion(0, 2, leaf, List.of(concat(proof.getFirst(), new byte[1])), root))
                .isFalse();
        assertThat(MerkleLog.verifyInclusion(0, 2, new byte[31], proof, root)).isFalse();
        assertThatThrownBy(() -> MerkleLog.checkInclusion(0, 2, leaf, proof, new byte[33]))
                .isInstanceOf(ProofException.class)
                .hasMessageContaining("root is 33 bytes");
        assertThat(MerkleLog.verifyConsistency(1, 1, new byte[12], new byte[12], List.of()))
                .isFalse();
    }

    @Test
    void impossibleBounds_areRefused_bothWhenProvingAndWhenVerifying() {
        byte[] root = root(4);
        assertThatThrownBy(() -> MerkleLog.inclusionProof(TREE, 4, 4)).isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> MerkleLog.inclusionProof(TREE, -1, 4)).isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> MerkleLog.consistencyProof(TREE, 0, 4))
                .isInstanceOf(ProofException.class)
                .hasMessageContaining("from a tree of 0 leaves");
        assertThatThrownBy(() -> MerkleLog.consistencyProof(TREE, 5, 4)).isInstanceOf(ProofException.class);
        assertThat(MerkleLog.verifyInclusion(4, 4, leafHash(3), MerkleLog.inclusionProof(TREE, 3, 4), root))
                .isFalse();
        byte[] empty = MerkleLog.rootHash(TREE, 0);
        assertThat(MerkleLog.verifyConsistency(0, 4, empty, root, List.of())).isFalse();
        assertThat(MerkleLog.verifyConsistency(0, 0, empty, empty, List.of())).isFalse();
        assertThat(MerkleLog.verifyConsistency(4, 4, root, root, List.of())).isTrue();
        assertThat(MerkleLog.verifyConsistency(4, 4, root, root(3), List.of())).isFalse();
    }

    @Test
    void aSourceIsNeverAskedForAnIncompleteSubtree() {
        MemoryTree tree = treeOf(5);
        assertThatThrownBy(() -> tree.subtreeHash(3, 0))
                .isInstanceOf(ProofException.class)
                .hasMessageContaining("level 3, index 0");
        for (long size = 1; size <= 5; size++) {
            for (long index = 0; index < size; index++) {
                assertThat(MerkleLog.inclusionProof(tree, index, size)).isNotNull();
                assertThat(MerkleLog.consistencyProof(tree, index + 1, size)).isNotNull();
            }
        }
    }

    @Provide
    Arbitrary<long[]> indexAndSize() {
        return Arbitraries.longs()
                .between(1, MAX_SIZE)
                .flatMap(size -> Arbitraries.longs().between(0, size - 1).map(index -> new long[] {index, size}));
    }

    @Provide
    Arbitrary<long[]> sizePair() {
        return Combinators.combine(
                        Arbitraries.longs().between(1, MAX_SIZE),
                        Arbitraries.longs().between(1, MAX_SIZE))
                .as((a, b) -> new long[] {Math.min(a, b), Math.max(a, b)});
    }

    private static MemoryTree treeOf(int size) {
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < size; i++) {
            tree.append(leaf(i));
        }
        return tree;
    }

    private static byte[] leaf(long i) {
        return ("observation " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] leafHash(long i) {
        return MerkleLog.leafHash(leaf(i));
    }

    private static byte[] root(long size) {
        return MerkleLog.rootHash(TREE, size);
    }

    private static List<byte[]> leafHashes(long from, long to) {
        List<byte[]> hashes = new ArrayList<>();
        for (long i = from; i < to; i++) {
            hashes.add(leafHash(i));
        }
        return hashes;
    }

    private static List<byte[]> flipABit(List<byte[]> hashes, long noise) {
        List<byte[]> flipped = new ArrayList<>(hashes);
        int which = (int) Math.floorMod(noise, (long) hashes.size());
        int bit = (int) Math.floorMod(noise >>> 16, 256L);
        byte[] hash = flipped.get(which).clone();
        hash[bit / 8] ^= (byte) (1 << (bit % 8));
        flipped.set(which, hash);
        return flipped;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    // RFC 6962 §2.1 read literally, over the whole list of leaf hashes: the yardstick for the stored-subtree version.

    private static byte[] referenceRoot(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return MerkleLog.rootHash(new MemoryTree(), 0);
        }
        if (leaves.size() == 1) {
            return leaves.getFirst();
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleLog.nodeHash(referenceRoot(leaves.subList(0, k)), referenceRoot(leaves.subList(k, leaves.size())));
    }

    private static List<byte[]> referencePath(long m, List<byte[]> leaves) {
        List<byte[]> path = new ArrayList<>();
        if (leaves.size() <= 1) {
            return path;
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        if (m < k) {
            path.addAll(referencePath(m, leaves.subList(0, k)));
            path.add(referenceRoot(leaves.subList(k, leaves.size())));
        } else {
            path.addAll(referencePath(m - k, leaves.subList(k, leaves.size())));
            path.add(referenceRoot(leaves.subList(0, k)));
        }
        return path;
    }

    private static List<byte[]> referenceSubproof(long m, List<byte[]> leaves, boolean wholeOldTree) {
        List<byte[]> proof = new ArrayList<>();
        if (m == leaves.size()) {
            if (!wholeOldTree) {
                proof.add(referenceRoot(leaves));
            }
            return proof;
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        if (m <= k) {
            proof.addAll(referenceSubproof(m, leaves.subList(0, k), wholeOldTree));
            proof.add(referenceRoot(leaves.subList(k, leaves.size())));
        } else {
            proof.addAll(referenceSubproof(m - k, leaves.subList(k, leaves.size()), false));
            proof.add(referenceRoot(leaves.subList(0, k)));
        }
        return proof;
    }

    /** A source that counts its reads, to hold proofs to O(log n) of them. */
    private static final class CountingSource implements NodeSource {
        private final NodeSource inner;
        private int reads;

        CountingSource(NodeSource inner) {
            this.inner = inner;
        }

        @Override
        public byte[] subtreeHash(int level, long index) {
            reads++;
            return inner.subtreeHash(level, index);
        }
    }
}

package org.corridor.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Proofs computed with one batched read give exactly what reading hash by hash gives. */
class BatchedNodesTest {
    private static final MemoryTree TREE = new MemoryTree();

    static {
        for (int i = 0; i < 700; i++) {
            TREE.append(("leaf " + i).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Map<BatchedNodes.Node, byte[]> read(java.util.Set<BatchedNodes.Node> nodes, AtomicInteger reads) {
        reads.incrementAndGet();
        Map<BatchedNodes.Node, byte[]> hashes = new HashMap<>();
        nodes.forEach(node -> hashes.put(node, TREE.subtreeHash(node.level(), node.index())));
        return hashes;
    }

    @Property(tries = 300)
    void proofsAndRoots_equalThoseReadHashByHash_inOneRead(
            @ForAll @IntRange(min = 1, max = 700) int size, @ForAll @IntRange(min = 0, max = 699) int seed) {
        int index = seed % size;
        int older = 1 + seed % size;
        AtomicInteger reads = new AtomicInteger();

        List<byte[]> inclusion = BatchedNodes.compute(
                nodes -> read(nodes, reads), nodes -> MerkleLog.inclusionProof(nodes, index, size));
        List<byte[]> consistency = BatchedNodes.compute(
                nodes -> read(nodes, reads), nodes -> MerkleLog.consistencyProof(nodes, older, size));
        byte[] root = BatchedNodes.compute(nodes -> read(nodes, reads), nodes -> MerkleLog.rootHash(nodes, size));

        assertThat(inclusion).containsExactlyElementsOf(MerkleLog.inclusionProof(TREE, index, size));
        assertThat(consistency).containsExactlyElementsOf(MerkleLog.consistencyProof(TREE, older, size));
        assertThat(root).isEqualTo(MerkleLog.rootHash(TREE, size));
        assertThat(reads.get()).isLessThanOrEqualTo(3);
    }

    @Test
    void aNodeTheStoreDoesNotReturn_isRefused() {
        assertThatThrownBy(() -> BatchedNodes.compute(nodes -> Map.of(), nodes -> MerkleLog.rootHash(nodes, 5)))
                .isInstanceOf(ProofException.class)
                .hasMessageContaining("no hash for the subtree");
    }
}

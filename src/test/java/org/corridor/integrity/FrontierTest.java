package org.corridor.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The right edge of a log: its root, the subtrees each append completes, and its rebuilding from a store. */
class FrontierTest {
    private static final int MAX_SIZE = 1100;
    private static final MemoryTree TREE = new MemoryTree();

    static {
        for (int i = 0; i < MAX_SIZE; i++) {
            TREE.append(leaf(i));
        }
    }

    @Test
    void root_equalsTheStoredRoot_atEverySize() {
        Frontier frontier = new Frontier();
        assertThat(frontier.root()).isEqualTo(MerkleLog.emptyRoot());
        for (int size = 1; size <= MAX_SIZE; size++) {
            frontier.append(MerkleLog.leafHash(leaf(size - 1)));
            assertThat(frontier.size()).isEqualTo(size);
            assertThat(frontier.root()).as("root of %d", size).isEqualTo(MerkleLog.rootHash(TREE, size));
        }
    }

    @Test
    void append_completesOneSubtreePerTrailingSetBitOfTheOldSize_leafFirst() {
        Frontier frontier = new Frontier();
        for (long size = 0; size < 64; size++) {
            List<Frontier.Subtree> completed = frontier.append(MerkleLog.leafHash(leaf(size)));
            assertThat(completed).hasSize(1 + Long.numberOfTrailingZeros(~size));
            assertThat(completed.getFirst().level()).isZero();
            assertThat(completed.getFirst().index()).isEqualTo(size);
            for (Frontier.Subtree subtree : completed) {
                assertThat(subtree.hash()).isEqualTo(TREE.subtreeHash(subtree.level(), subtree.index()));
            }
        }
    }

    @Property(tries = 200)
    void aFrontierRebuiltFromTheStore_continuesAsIfNeverRebuilt(
            @ForAll @IntRange(min = 0, max = MAX_SIZE - 60) int size, @ForAll @IntRange(min = 1, max = 60) int more) {
        CountingSource store = new CountingSource(TREE);
        Frontier rebuilt = Frontier.of(store, size);
        assertThat(store.reads).isEqualTo(Long.bitCount(size));
        assertThat(rebuilt.root()).isEqualTo(MerkleLog.rootHash(TREE, size));

        for (int i = size; i < size + more; i++) {
            for (Frontier.Subtree subtree : rebuilt.append(MerkleLog.leafHash(leaf(i)))) {
                assertThat(subtree.hash()).isEqualTo(TREE.subtreeHash(subtree.level(), subtree.index()));
            }
        }
        assertThat(rebuilt.root()).isEqualTo(MerkleLog.rootHash(TREE, size + more));
    }

    @Test
    void leafHashesThatAreNot32Bytes_areRefused() {
        assertThatThrownBy(() -> new Frontier().append(new byte[31]))
                .isInstanceOf(ProofException.class)
                .hasMessageContaining("leaf hash is 31 bytes");
        assertThatThrownBy(() -> Frontier.of(TREE, -1)).isInstanceOf(ProofException.class);
    }

    private static byte[] leaf(long i) {
        return ("leaf " + i).getBytes(StandardCharsets.UTF_8);
    }

    /** A store that counts its reads. */
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

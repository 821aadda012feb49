package org.corridor.integrity;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the text a log signs to commit to its first {@code size}
 * leaves. Three lines: the origin (the log's name), the tree size in decimal, the base64 root hash.
 */
public record Checkpoint(String origin, long size, byte[] root) {
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        if (origin == null || origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a checkpoint's size cannot be negative");
        }
        MerkleLog.requireHash(root, "checkpoint root");
        root = root.clone();
    }

    /** The note text to sign, ending with a newline. */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /**
     * The checkpoint in a note's text (extension lines after the root are allowed and ignored).
     *
     * @throws ProofException naming the line that is malformed
     */
    public static Checkpoint parse(String text) {
        List<String> lines = text.lines().toList();
        if (lines.size() < 3) {
            throw new ProofException("a checkpoint has at least three lines: origin, tree size, root hash");
        }
        if (lines.getFirst().isBlank()) {
            throw new ProofException("the checkpoint's first line, its origin, is empty");
        }
        if (!DECIMAL.matcher(lines.get(1)).matches()) {
            throw new ProofException("the checkpoint's second line must be the tree size in decimal: " + lines.get(1));
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines.get(2));
        } catch (IllegalArgumentException e) {
            throw new ProofException("the checkpoint's third line must be the base64 root hash: " + lines.get(2));
        }
        if (root.length != MerkleLog.HASH_LENGTH) {
            throw new ProofException("the checkpoint's root hash is " + root.length + " bytes, not 32");
        }
        return new Checkpoint(lines.getFirst(), Long.parseLong(lines.get(1)), root);
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c
                && origin.equals(c.origin)
                && size == c.size
                && Arrays.equals(root, c.root);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * origin.hashCode() + Long.hashCode(size)) + Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return text();
    }
}

package org.corridor.ledger;

/**
 * A checkpoint the server signed, as kept so that every later one can be shown consistent with it.
 *
 * @param size the number of leaves it commits to
 * @param keyId the verifier key that signed it, {@code name+hexid}
 * @param root its 32-byte root hash
 * @param note the signed note as served
 */
public record StoredCheckpoint(long size, String keyId, byte[] root, String note) {
    public StoredCheckpoint {
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }
}

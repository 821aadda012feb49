package org.corridor.bundle;

/** The names of the files a bundle holds. */
public final class Bundle {
    /** The operation's definition as stored, monitors' keys included. */
    public static final String OPERATION = "operation.json";
    /** The observations in log order, one canonical JSON line each: exactly the log's leaves. */
    public static final String OBSERVATIONS = "observations.jsonl";
    /** The latest checkpoint, a signed note. */
    public static final String CHECKPOINT = "checkpoint.txt";
    /** The server's verifier key in signed-note form. */
    public static final String SERVER_KEY = "server.vkey";
    /**
     * The 32-byte leaf hash of each observation in order. Optional and not trusted by itself: once its hashes are
     * shown to give the checkpoint's root, they name the first line that was changed, dropped or moved.
     */
    public static final String LEAF_HASHES = "leaf-hashes.bin";

    private Bundle() {}
}

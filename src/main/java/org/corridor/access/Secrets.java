package org.corridor.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets (tokens, session ids) and the one-way hashes they are stored under. */
public final class Secrets {
    /** 256 random bits for every token and session id; the contract asks for at least 128. */
    static final int SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** A new secret: {@code prefix} and the unpadded base64url of 32 bytes from a CSPRNG. */
    static String newSecret(String prefix) {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A short random id (not a secret), such as a token's id shown in listings. */
    static String newId(String prefix) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /**
     * The lower-case hex SHA-256 of the text. A token has 256 random bits, so a fast hash is enough to keep a stolen
     * table from being used; passwords, which do not, go through {@link PasswordHasher}.
     */
    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Compares two texts in time that does not depend on where they differ. */
    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}

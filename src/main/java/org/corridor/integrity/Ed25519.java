package org.corridor.integrity;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 (RFC 8032) signing and verification for monitors' observations and the server's checkpoints.
 *
 * <p>Verification is Bouncy Castle's low-level RFC 8032 code, about seven times faster than the JDK's provider on the
 * same core, with each public key's point decoded and checked once ({@link PublicKey}) rather than on every
 * signature. Both refuse non-canonical signatures, so what one accepts the other does too; tests hold the two to the
 * same answers.
 *
 * <p>Private keys are carried as their 32-byte seed; {@link #pkcs8Pem} and {@link #fromPkcs8Pem} give them the
 * PKCS#8 form (RFC 8410) that OpenSSL and most libraries read, so a scripted client can sign without Corridor.
 */
public final class Ed25519 {
    public static final int PUBLIC_KEY_LENGTH = 32;
    public static final int SEED_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    // DER of PrivateKeyInfo { version 0, AlgorithmIdentifier { 1.3.101.112 }, OCTET STRING { OCTET STRING seed } }
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";
    // The operating system's non-blocking source (/dev/urandom on Linux), as key generators use.
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ed25519() {}

    /** A public key whose point has been decoded and checked, ready to verify many signatures. Thread-safe. */
    public static final class PublicKey {
        private final byte[] raw;
        private final org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point;

        private PublicKey(byte[] raw, org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point) {
            this.raw = raw;
            this.point = point;
        }

        /**
         * The key of 32 raw bytes.
         *
         * @throws IllegalArgumentException when they are not 32 bytes or not a point of the curve's prime-order group
         */
        public static PublicKey of(byte[] raw) {
            if (raw == null || raw.length != PUBLIC_KEY_LENGTH) {
                throw new IllegalArgumentException(
                        "an Ed25519 public key is 32 bytes, not " + (raw == null ? "missing" : raw.length + " bytes"));
            }
            var point = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFullExport(raw, 0);
            if (point == null) {
                throw new IllegalArgumentException("those 32 bytes are not an Ed25519 public key");
            }
            return new PublicKey(raw.clone(), point);
        }

        /** The key of its base64 (standard alphabet, padded or not) form. */
        public static PublicKey ofBase64(String base64) {
            return of(decodeBase64(base64, "an Ed25519 public key"));
        }

        /** True when {@code signature} is this key's valid signature of {@code message}. */
        public boolean verify(byte[] message, byte[] signature) {
            return signature != null
                    && signature.length == SIGNATURE_LENGTH
                    && org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, point, message, 0, message.length);
        }

        public byte[] raw() {
            return raw.clone();
        }

        public String base64() {
            return Base64.getEncoder().encodeToString(raw);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PublicKey key && Arrays.equals(raw, key.raw);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(raw);
        }

        @Override
        public String toString() {
            return "Ed25519 public key " + base64();
        }
    }

    /** A private key and its public key. The seed never appears in {@link #toString}. */
    public static final class KeyPair {
        private final byte[] seed;
        private final PublicKey publicKey;

        private KeyPair(byte[] seed) {
            this.seed = seed.clone();
            byte[] pub = new byte[PUBLIC_KEY_LENGTH];
            org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(this.seed, 0, pub, 0);
            this.publicKey = PublicKey.of(pub);
        }

        /** A new key pair from the system's strong random source. */
        public static KeyPair generate() {
            byte[] seed = new byte[SEED_LENGTH];
            org.bouncycastle.math.ec.rfc8032.Ed25519.generatePrivateKey(RANDOM, seed);
            return new KeyPair(seed);
        }

        /** The key pair of a 32-byte seed (RFC 8032's private key). */
        public static KeyPair fromSeed(byte[] seed) {
            if (seed == null || seed.length != SEED_LENGTH) {
                throw new IllegalArgumentException("an Ed25519 private key is a 32-byte seed, not "
                        + (seed == null ? "missing" : seed.length + " bytes"));
            }
            return new KeyPair(seed);
        }

        /** The 64-byte signature of {@code message}. Deterministic: the same message always gets the same bytes. */
        public byte[] sign(byte[] message) {
            byte[] signature = new byte[SIGNATURE_LENGTH];
            org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
            return signature;
        }

        public PublicKey publicKey() {
            return publicKey;
        }

        /** The seed itself, for writing the key to a file its owner keeps. */
        public byte[] seed() {
            return seed.clone();
        }

        @Override
        public String toString() {
            return "Ed25519 key pair of " + publicKey.base64();
        }
    }

    /** The PEM text of a private key in PKCS#8 (RFC 8410), as {@code openssl genpkey -algorithm ed25519} writes. */
    public static String pkcs8Pem(KeyPair key) {
        byte[] der = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + SEED_LENGTH);
        System.arraycopy(key.seed, 0, der, PKCS8_PREFIX.length, SEED_LENGTH);
        return PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n" + PEM_END
                + "\n";
    }

    /**
     * The key pair in a PEM PKCS#8 text.
     *
     * @throws IllegalArgumentException when the text is not an Ed25519 private key in that form
     */
    public static KeyPair fromPkcs8Pem(String pem) {
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(
                    "not a PEM private key: expected the lines " + PEM_BEGIN + " and " + PEM_END);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM private key is not valid base64", e);
        }
        if (der.length != PKCS8_PREFIX.length + SEED_LENGTH
                || !Arrays.equals(der, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length)) {
            throw new IllegalArgumentException("the PEM private key is not an Ed25519 key (PKCS#8, RFC 8410)");
        }
        return KeyPair.fromSeed(Arrays.copyOfRange(der, PKCS8_PREFIX.length, der.length));
    }

    /** Decodes standard base64, padded or not; a message naming {@code what} when it is not base64. */
    public static byte[] decodeBase64(String base64, String what) {
        if (base64 == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base64", e);
        }
    }
}

package org.corridor.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * C2SP signed notes (https://c2sp.org/signed-note) with Ed25519 keys: the form in which the server signs its
 * checkpoints and publishes its verifier key, as transparency logs and their witnesses expect.
 *
 * <p>A note is UTF-8 text ending in a newline, then a blank line, then one line per signature: an em dash, a space,
 * the key's name, a space, and the base64 of the 4-byte key ID followed by the 64-byte signature of the text. A
 * key's ID is the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key); its verifier key reads
 * {@code name+hex(ID)+base64(0x01 ‖ public key)}, and its private key, in the same form Go's {@code note} package
 * writes, {@code PRIVATE+KEY+name+hex(ID)+base64(0x01 ‖ seed)}.
 */
public final class SignedNote {
    private static final byte ED25519 = 0x01;
    private static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

    private SignedNote() {}

    /** A key that signs notes: its name, its ID, and its Ed25519 key pair. */
    public record Signer(String name, Ed25519.KeyPair key) {
        public Signer {
            requireName(name);
        }

        /** A new signer under {@code name}. */
        public static Signer generate(String name) {
            return new Signer(name, Ed25519.KeyPair.generate());
        }

        /**
         * The signer in a private key text ({@code PRIVATE+KEY+name+id+base64}).
         *
         * @throws IllegalArgumentException naming what is wrong with it
         */
        public static Signer parse(String text) {
            String line = text.strip();
            if (!line.startsWith(PRIVATE_PREFIX)) {
                throw new IllegalArgumentException(
                        "not a signed-note private key: it must start with " + PRIVATE_PREFIX);
            }
            String[] parts = line.substring(PRIVATE_PREFIX.length()).split("\\+", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException(
                        "a signed-note private key has the form PRIVATE+KEY+name+keyid+base64");
            }
            byte[] key = Ed25519.decodeBase64(parts[2], "the private key");
            if (key.length != 1 + Ed25519.SEED_LENGTH || key[0] != ED25519) {
                throw new IllegalArgumentException("the private key is not an Ed25519 signed-note key (type 0x01)");
            }
            Signer signer = new Signer(parts[0], Ed25519.KeyPair.fromSeed(Arrays.copyOfRange(key, 1, key.length)));
            if (!signer.verifier().keyIdHex().equals(parts[1])) {
                throw new IllegalArgumentException(
                        "the private key's id " + parts[1] + " does not match its name and key" + " (expected "
                                + signer.verifier().keyIdHex() + ")");
            }
            return signer;
        }

        /** The private key text, for the key file only. */
        public String privateKeyText() {
            byte[] key = new byte[1 + Ed25519.SEED_LENGTH];
            key[0] = ED25519;
            System.arraycopy(this.key.seed(), 0, key, 1, Ed25519.SEED_LENGTH);
            return PRIVATE_PREFIX + name + "+" + verifier().keyIdHex() + "+"
                    + Base64.getEncoder().encodeToString(key);
        }

        public Verifier verifier() {
            return new Verifier(name, key.publicKey());
        }

        /** The signed note of {@code text}, which must be non-empty and end with a newline. */
        public String sign(String text) {
            requireText(text);
            byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
            ByteBuffer line = ByteBuffer.allocate(4 + Ed25519.SIGNATURE_LENGTH);
            line.putInt(verifier().keyId()).put(signature);
            return text + "\n" + SIGNATURE_PREFIX + name + " "
                    + Base64.getEncoder().encodeToString(line.array()) + "\n";
        }

        @Override
        public String toString() {
            return "signed-note signer " + name + " " + verifier().keyIdHex();
        }
    }

    /** A key that checks notes: its name and its Ed25519 public key. */
    public record Verifier(String name, Ed25519.PublicKey key) {
        public Verifier {
            requireName(name);
        }

        /**
         * The verifier in a verifier key text ({@code name+id+base64}).
         *
         * @throws IllegalArgumentException naming what is wrong with it
         */
        public static Verifier parse(String text) {
            String[] parts = text.strip().split("\\+", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("a signed-note verifier key has the form name+keyid+base64");
            }
            byte[] key = Ed25519.decodeBase64(parts[2], "the verifier key");
            if (key.length != 1 + Ed25519.PUBLIC_KEY_LENGTH || key[0] != ED25519) {
                throw new IllegalArgumentException("the verifier key is not an Ed25519 signed-note key (type 0x01)");
            }
            Verifier verifier = new Verifier(parts[0], Ed25519.PublicKey.of(Arrays.copyOfRange(key, 1, key.length)));
            if (!verifier.keyIdHex().equals(parts[1])) {
                throw new IllegalArgumentException("the verifier key's id " + parts[1] + " does not match its name and"
                        + " key (expected " + verifier.keyIdHex() + ")");
            }
            return verifier;
        }

        /** The first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key), big-endian. */
        public int keyId() {
            MessageDigest sha256 = sha256();
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(ED25519);
            return ByteBuffer.wrap(sha256.digest(key.raw())).getInt();
        }

        public String keyIdHex() {
            return HexFormat.of().toHexDigits(keyId());
        }

        /** The verifier key text: what {@code GET /api/log/key} serves. */
        public String text() {
            byte[] raw = new byte[1 + Ed25519.PUBLIC_KEY_LENGTH];
            raw[0] = ED25519;
            System.arraycopy(key.raw(), 0, raw, 1, Ed25519.PUBLIC_KEY_LENGTH);
            return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(raw);
        }

        /**
         * The text of {@code note}, once a signature on it by this key verifies. Signatures by other keys are
         * allowed beside it and not checked.
         *
         * @throws ProofException when the note is malformed or carries no valid signature by this key
         */
        public String open(String note) {
            int split = note.lastIndexOf("\n\n");
            if (split < 0 || !note.endsWith("\n")) {
                throw new ProofException("not a signed note: expected the text, a blank line, then signature lines");
            }
            String text = note.substring(0, split + 1);
            try {
                requireText(text);
            } catch (IllegalArgumentException e) {
                throw new ProofException("not a signed note: " + e.getMessage());
            }
            List<String> lines =
                    note.substring(split + 2, note.length() - 1).lines().toList();
            boolean byThisKey = false;
            for (String line : lines) {
                if (!line.startsWith(SIGNATURE_PREFIX)) {
                    throw new ProofException("a signature line must start with an em dash and a space: " + line);
                }
                String[] nameAndSignature =
                        line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
                if (nameAndSignature.length != 2) {
                    throw new ProofException("a signature line holds a key name and a base64 signature: " + line);
                }
                byte[] signature;
                try {
                    signature = Base64.getDecoder().decode(nameAndSignature[1]);
                } catch (IllegalArgumentException e) {
                    throw new ProofException("a signature is not valid base64: " + line);
                }
                if (signature.length < 5) {
                    throw new ProofException("a signature is too short to hold a key id: " + line);
                }
                if (!nameAndSignature[0].equals(name)
                        || ByteBuffer.wrap(signature).getInt() != keyId()) {
                    continue;
                }
                byThisKey = true;
                if (key.verify(
                        text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(signature, 4, signature.length))) {
                    return text;
                }
            }
            throw new ProofException(
                    byThisKey
                            ? "the signature by " + name + " (" + keyIdHex() + ") does not verify: the note was changed"
                                    + " after it was signed, or signed by another key of the same name"
                            : "the note carries no signature by " + name + " (" + keyIdHex() + ")");
        }
    }

    private static void requireName(String name) {
        if (name == null
                || name.isEmpty()
                || name.chars().anyMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException(
                    "a signed-note key name must be non-empty, with no '+', spaces or control characters: " + name);
        }
    }

    private static void requireText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text must be non-empty and end with a newline");
        }
        if (text.contains("\n\n") || text.chars().anyMatch(c -> c != '\n' && Character.isISOControl(c))) {
            throw new IllegalArgumentException("a note's text has no blank lines and no control characters");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

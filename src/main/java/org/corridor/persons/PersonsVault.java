package org.corridor.persons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.corridor.core.Problems;
import org.corridor.core.SealedDataException;
import org.corridor.integrity.Jcs;
import org.corridor.ledger.SealedPersons;

/**
 * Seals and opens personal data with one AES-256-GCM key (the JDK's own): a fresh random 96-bit nonce per record,
 * and as associated data the operation, the observation and the digest, so that a sealed list moved to another
 * observation, or a digest changed in the store, no longer opens. Thread-safe.
 */
public final class PersonsVault {
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretKeySpec key;
    private final byte[] rawKey;
    private final String keyId;

    private PersonsVault(byte[] rawKey) {
        if (rawKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("a persons key is " + KEY_BYTES + " bytes, not " + rawKey.length);
        }
        this.rawKey = rawKey.clone();
        this.key = new SecretKeySpec(this.rawKey, "AES");
        this.keyId = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(hmac("corridor-persons-key-id"), 9));
    }

    /** A vault over the 32 bytes of a key. */
    public static PersonsVault of(byte[] key) {
        return new PersonsVault(key);
    }

    /**
     * A vault over a key written as base64 of 32 bytes (standard or URL alphabet, padding optional).
     *
     * @throws IllegalArgumentException saying what is wrong, never repeating the text
     */
    public static PersonsVault parse(String base64) {
        String text = base64 == null ? "" : base64.strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "a persons key is base64 text of " + KEY_BYTES + " bytes; this is not " + "base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "a persons key is base64 text of " + KEY_BYTES + " bytes; this holds " + key.length);
        }
        return new PersonsVault(key);
    }

    /** A new random key, as base64 text (what {@code persons.key} and {@code CORRIDOR_PERSONS_KEY} hold). */
    public static String newKeyText() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A fingerprint of the key, safe to store and show: it names the key without revealing it. */
    public String keyId() {
        return keyId;
    }

    /**
     * The salt the server gives an unsigned observation's persons when the sender gave none: derived from the key and
     * the observation, so that the same observation sent again gets the same digest (a duplicate, not a conflict),
     * and unguessable without the key.
     */
    public byte[] derivedSalt(String operationId, UUID observationId) {
        return hmac("corridor-persons-salt\n" + operationId + "\n" + observationId);
    }

    /** Seals a list beside an observation whose {@code personsDigest} is {@code digest}. */
    public SealedPersons seal(String operationId, UUID observationId, String digest, PersonsList persons) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(operationId, observationId, digest));
            byte[] sealed = cipher.doFinal(Jcs.canonicalize(persons.json()));
            return new SealedPersons(digest, keyId, nonce, sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * Opens what was sealed beside an observation.
     *
     * @throws SealedDataException when it was sealed with another key, or its stored bytes were changed; the message
     *     names the observation and the keys' fingerprints, nothing of the content
     */
    public PersonsList open(String operationId, UUID observationId, SealedPersons sealed) {
        String what = "the personal data beside observation " + observationId + " of operation '" + operationId + "'";
        if (!keyId.equals(sealed.keyId())) {
            throw new SealedDataException(what + " was sealed with the persons key '" + sealed.keyId()
                    + "', and this server holds the key '" + keyId + "': start it with the persons.key (or "
                    + "CORRIDOR_PERSONS_KEY) the data was stored with");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData(operationId, observationId, sealed.digest()));
            plain = cipher.doFinal(sealed.ciphertext());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealedDataException(what + " does not authenticate under this server's persons key '" + keyId
                    + "': its stored bytes were changed outside Corridor. Nothing of it is shown");
        }
        return readBack(plain, what);
    }

    private static PersonsList readBack(byte[] plain, String what) {
        try {
            JsonNode node = JSON.readTree(plain);
            Problems problems = new Problems();
            PersonsList persons = PersonsList.read(node, true, problems);
            if (persons == null) {
                throw new SealedDataException(what + " opened but is not a persons list");
            }
            return persons;
        } catch (IOException e) {
            throw new SealedDataException(what + " opened but is not JSON");
        }
    }

    private static byte[] associatedData(String operationId, UUID observationId, String digest) {
        return ("corridor-persons-v1\n" + operationId + "\n" + observationId + "\n" + digest)
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rawKey, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "PersonsVault[key " + keyId + "]";
    }
}

package org.corridor.ledger;

/**
 * The personal data beside one observation, as stored: encrypted, with what binds it to its observation.
 *
 * @param digest the observation's {@code personsDigest}, also bound into the ciphertext
 * @param keyId which key sealed it (a fingerprint, not the key), so that a wrong key is named as such at read
 * @param nonce the 96-bit AES-GCM nonce, fresh for each record
 * @param ciphertext the AES-GCM ciphertext with its tag
 */
public record SealedPersons(String digest, String keyId, byte[] nonce, byte[] ciphertext) {}

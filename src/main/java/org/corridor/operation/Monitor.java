package org.corridor.operation;

/**
 * A person who records observations.
 *
 * @param publicKey base64 of the raw 32-byte Ed25519 public key, or null when the monitor does not sign
 */
public record Monitor(String id, LocalizedName name, String organisation, String publicKey) {}

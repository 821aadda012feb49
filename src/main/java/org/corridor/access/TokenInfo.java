package org.corridor.access;

/**
 * What is known of a bearer token apart from the token itself, which is never stored: its id, whose it is, and when
 * it was made, last used and revoked (ISO-8601; the last two null when not yet).
 */
public record TokenInfo(String id, String accountId, String createdAt, String lastUsedAt, String revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}

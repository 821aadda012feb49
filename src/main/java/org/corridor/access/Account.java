package org.corridor.access;

import java.util.Set;

/**
 * A person or device that may sign in: its role and what it is bound to. Its secrets (password hash, tokens) are
 * kept apart and never leave the store.
 *
 * @param operations the operations it is bound to, or null for none in particular (see {@link Principal})
 * @param party the party of a liaison, null otherwise
 * @param revokedAt when it was revoked (ISO-8601), or null while it is active
 */
public record Account(String id, Role role, Set<String> operations, String party, String createdAt, String revokedAt) {
    public Account {
        operations = operations == null ? null : Set.copyOf(operations);
    }

    public boolean active() {
        return revokedAt == null;
    }
}

package org.corridor.access;

import java.util.Set;

/**
 * Who a request acts for, after its credentials were checked.
 *
 * @param operations the operations it is bound to; null when it is bound to none in particular (admin, and a
 *     coordinator, liaison or viewer created without a list), which the {@link Policy} reads per role
 * @param party a liaison's party, null for every other role
 * @param via how it proved who it is
 * @param tokenId the id of the token used, null for a session or the bootstrap token
 */
public record Principal(String id, Role role, Set<String> operations, String party, Via via, String tokenId) {
    public Principal {
        operations = operations == null ? null : Set.copyOf(operations);
    }

    /** How a principal proved who it is. */
    public enum Via {
        BOOTSTRAP_TOKEN,
        TOKEN,
        SESSION
    }

    /** The administrator that {@code CORRIDOR_BOOTSTRAP_TOKEN} stands for. */
    static Principal bootstrap() {
        return new Principal("bootstrap", Role.ADMIN, null, null, Via.BOOTSTRAP_TOKEN, null);
    }

    static Principal of(Account account, Via via, String tokenId) {
        return new Principal(account.id(), account.role(), account.operations(), account.party(), via, tokenId);
    }
}

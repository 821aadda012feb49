package org.corridor.access;

/** A token just made: the only moment its text exists outside the caller's hands; it is stored as a hash. */
public record IssuedToken(String accountId, Role role, String tokenId, String token) {
    @Override
    public String toString() {
        return "IssuedToken[accountId=" + accountId + ", role=" + role + ", tokenId=" + tokenId + ", token=(hidden)]";
    }
}

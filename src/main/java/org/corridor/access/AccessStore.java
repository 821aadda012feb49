package org.corridor.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where accounts, token and session hashes, password hashes and the audit trail are kept. Secrets arrive here only
 * as hashes. Implementations are thread-safe and keep the audit trail append-only.
 */
public interface AccessStore {

    /**
     * Stores a new account.
     *
     * @throws org.corridor.core.ConflictException when an account with its id exists (active or revoked)
     */
    void createAccount(Account account);

    Optional<Account> account(String accountId);

    /** Every account, active or revoked, by id. */
    List<Account> accounts();

    /** Marks the account revoked at {@code at}, with every token of it; deletes its sessions. False when unknown. */
    boolean revokeAccount(String accountId, Instant at);

    /** Stores the Argon2id encoding of the account's password, replacing any before it, and ends its sessions. */
    void setPasswordHash(String accountId, String encodedHash);

    /** The account's stored password encoding, if it has one. */
    Optional<String> passwordHash(String accountId);

    /** Stores a token by the SHA-256 hash of its text. */
    void addToken(TokenInfo token, String tokenHash);

    /** The token with this hash, active or revoked. */
    Optional<TokenInfo> tokenByHash(String tokenHash);

    /** Every token of the account. */
    List<TokenInfo> tokens(String accountId);

    /** Marks a token of the account revoked; false when the account has no such token. */
    boolean revokeToken(String accountId, String tokenId, Instant at);

    /** Records that a token was used (the caller limits how often). */
    void touchToken(String tokenId, Instant at);

    void createSession(SessionInfo session);

    Optional<SessionInfo> session(String idHash);

    void touchSession(String idHash, Instant at);

    void deleteSession(String idHash);

    /** Appends to the audit trail; its {@code seq} is ignored and assigned by the store. */
    default void audit(AuditEvent event) {
        audit(List.of(event));
    }

    /** Appends each of {@code events} to the audit trail in one transaction, in order; seqs as for one. */
    void audit(List<AuditEvent> events);

    /** Up to {@code limit} audit entries with {@code seq} above {@code afterSeq}, oldest first. */
    List<AuditEvent> auditTrail(long afterSeq, int limit);
}

package org.corridor.ledger.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.corridor.access.AccessStore;
import org.corridor.access.Account;
import org.corridor.access.AuditEvent;
import org.corridor.access.Role;
import org.corridor.access.SessionInfo;
import org.corridor.access.TokenInfo;
import org.corridor.core.ConflictException;
import org.corridor.core.FieldProblem;
import org.corridor.core.StorageException;
import org.corridor.core.Times;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/** The access tables (V3) in the ledger's database, in SQL that SQLite and PostgreSQL share. */
final class JdbcAccessStore implements AccessStore {
    private static final String ACCOUNT_COLUMNS = "id, role, operations, party, created_at, revoked_at";
    private static final String TOKEN_COLUMNS = "id, account_id, created_at, last_used_at, revoked_at";

    private final Dialect dialect;
    private final Jdbi jdbi;

    JdbcAccessStore(Dialect dialect, Jdbi jdbi) {
        this.dialect = dialect;
        this.jdbi = jdbi;
    }

    @Override
    public void createAccount(Account account) {
        writing(() -> dialect.inWriteTransaction(jdbi, handle -> {
            if (account(handle, account.id()).isPresent()) {
                String detail = "an account '" + account.id() + "' exists already (accounts are never reused,"
                        + " even once revoked); choose another id";
                throw new ConflictException(detail, List.of(new FieldProblem("id", detail)));
            }
            return handle.createUpdate("INSERT INTO account (" + ACCOUNT_COLUMNS + ")"
                            + " VALUES (:id, :role, :operations, :party, :createdAt, NULL)")
                    .bind("id", account.id())
                    .bind("role", account.role().wireName())
                    .bind("operations", joined(account.operations()))
                    .bind("party", account.party())
                    .bind("createdAt", account.createdAt())
                    .execute();
        }));
    }

    @Override
    public Optional<Account> account(String accountId) {
        return reading(() -> jdbi.withHandle(handle -> account(handle, accountId)));
    }

    private static Optional<Account> account(Handle handle, String accountId) {
        return handle.createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM account WHERE id = :id")
                .bind("id", accountId)
                .map(JdbcAccessStore::account)
                .findOne();
    }

    @Override
    public List<Account> accounts() {
        return reading(() ->
                jdbi.withHandle(handle -> handle.createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM account ORDER BY id")
                        .map(JdbcAccessStore::account)
                        .list()));
    }

    @Override
    public boolean revokeAccount(String accountId, Instant at) {
        return writing(() -> dialect.inWriteTransaction(jdbi, handle -> {
            String when = text(at);
            int changed = handle.createUpdate(
                            "UPDATE account SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                    .bind("id", accountId)
                    .bind("at", when)
                    .execute();
            handle.createUpdate(
                            "UPDATE access_token SET revoked_at = :at WHERE account_id = :id AND revoked_at IS NULL")
                    .bind("id", accountId)
                    .bind("at", when)
                    .execute();
            deleteSessionsOf(handle, accountId);
            return changed > 0;
        }));
    }

    @Override
    public void setPasswordHash(String accountId, String encodedHash) {
        writing(() -> dialect.inWriteTransaction(jdbi, handle -> {
            handle.createUpdate("UPDATE account SET password_hash = :hash WHERE id = :id")
                    .bind("id", accountId)
                    .bind("hash", encodedHash)
                    .execute();
            return deleteSessionsOf(handle, accountId);
        }));
    }

    @Override
    public Optional<String> passwordHash(String accountId) {
        return reading(() -> jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT password_hash FROM account WHERE id = :id AND password_hash IS NOT NULL")
                .bind("id", accountId)
                .mapTo(String.class)
                .findOne()));
    }

    @Override
    public void addToken(TokenInfo token, String tokenHash) {
        writing(() -> dialect.inWriteTransaction(jdbi, handle -> handle.createUpdate(
                        "INSERT INTO access_token (id, account_id, token_hash, created_at, last_used_at, revoked_at)"
                                + " VALUES (:id, :account, :hash, :createdAt, NULL, NULL)")
                .bind("id", token.id())
                .bind("account", token.accountId())
                .bind("hash", tokenHash)
                .bind("createdAt", token.createdAt())
                .execute()));
    }

    @Override
    public Optional<TokenInfo> tokenByHash(String tokenHash) {
        return reading(() -> jdbi.withHandle(
                handle -> handle.createQuery("SELECT " + TOKEN_COLUMNS + " FROM access_token WHERE token_hash = :hash")
                        .bind("hash", tokenHash)
                        .map(JdbcAccessStore::token)
                        .findOne()));
    }

    @Override
    public List<TokenInfo> tokens(String accountId) {
        return reading(() -> jdbi.withHandle(handle -> handle.createQuery("SELECT " + TOKEN_COLUMNS
                        + " FROM access_token WHERE account_id = :account ORDER BY created_at, id")
                .bind("account", accountId)
                .map(JdbcAccessStore::token)
                .list()));
    }

    @Override
    public boolean revokeToken(String accountId, String tokenId, Instant at) {
        return writing(() -> dialect.inWriteTransaction(
                jdbi,
                handle -> handle.createUpdate("UPDATE access_token SET revoked_at = :at"
                                        + " WHERE id = :id AND account_id = :account AND revoked_at IS NULL")
                                .bind("id", tokenId)
                                .bind("account", accountId)
                                .bind("at", text(at))
                                .execute()
                        > 0));
    }

    @Override
    public void touchToken(String tokenId, Instant at) {
        writing(() -> dialect.inWriteTransaction(
                jdbi, handle -> handle.createUpdate("UPDATE access_token SET last_used_at = :at WHERE id = :id")
                        .bind("id", tokenId)
                        .bind("at", text(at))
                        .execute()));
    }

    @Override
    public void createSession(SessionInfo session) {
        writing(() -> dialect.inWriteTransaction(jdbi, handle -> handle.createUpdate(
                        "INSERT INTO login_session (id_hash, account_id, created_at, last_seen_at)"
                                + " VALUES (:hash, :account, :createdAt, :lastSeenAt)")
                .bind("hash", session.idHash())
                .bind("account", session.accountId())
                .bind("createdAt", text(session.createdAt()))
                .bind("lastSeenAt", text(session.lastSeenAt()))
                .execute()));
    }

    @Override
    public Optional<SessionInfo> session(String idHash) {
        return reading(() -> jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id_hash, account_id, created_at, last_seen_at FROM login_session WHERE id_hash = :hash")
                .bind("hash", idHash)
                .map((row, context) -> new SessionInfo(
                        row.getString("id_hash"),
                        row.getString("account_id"),
                        Instant.parse(row.getString("created_at")),
                        Instant.parse(row.getString("last_seen_at"))))
                .findOne()));
    }

    @Override
    public void touchSession(String idHash, Instant at) {
        writing(() -> dialect.inWriteTransaction(
                jdbi, handle -> handle.createUpdate("UPDATE login_session SET last_seen_at = :at WHERE id_hash = :hash")
                        .bind("hash", idHash)
                        .bind("at", text(at))
                        .execute()));
    }

    @Override
    public void deleteSession(String idHash) {
        writing(() -> dialect.inWriteTransaction(
                jdbi, handle -> handle.createUpdate("DELETE FROM login_session WHERE id_hash = :hash")
                        .bind("hash", idHash)
                        .execute()));
    }

    private static int deleteSessionsOf(Handle handle, String accountId) {
        return handle.createUpdate("DELETE FROM login_session WHERE account_id = :account")
                .bind("account", accountId)
                .execute();
    }

    /**
     * One INSERT per entry, in one transaction, so one durable commit. Not a JDBC batch: pgjdbc's batch path asserts
     * that it can still ask a connection lost mid-batch for its auto-commit state, which turns a database outage into
     * an {@code AssertionError} where assertions are on, instead of the storage failure it is.
     */
    @Override
    public void audit(List<AuditEvent> events) {
        writing(() -> dialect.inWriteTransaction(jdbi, handle -> {
            for (AuditEvent event : events) {
                handle.createUpdate("INSERT INTO audit (at, kind, actor, address, operation, subject, detail)"
                                + " VALUES (:at, :kind, :actor, :address, :operation, :subject, :detail)")
                        .bind("at", event.at())
                        .bind("kind", event.kind())
                        .bind("actor", event.actor())
                        .bind("address", event.address())
                        .bind("operation", event.operation())
                        .bind("subject", event.subject())
                        .bind("detail", event.detail())
                        .execute();
            }
            return null;
        }));
    }

    @Override
    public List<AuditEvent> auditTrail(long afterSeq, int limit) {
        return reading(() -> jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT seq, at, kind, actor, address, operation, subject, detail FROM audit"
                                + " WHERE seq > :after ORDER BY seq LIMIT :limit")
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map((row, context) -> new AuditEvent(
                        row.getLong("seq"),
                        row.getString("at"),
                        row.getString("kind"),
                        row.getString("actor"),
                        row.getString("address"),
                        row.getString("operation"),
                        row.getString("subject"),
                        row.getString("detail")))
                .list()));
    }

    private static Account account(ResultSet row, StatementContext context) throws SQLException {
        return new Account(
                row.getString("id"),
                Role.fromWire(row.getString("role"))
                        .orElseThrow(() -> new IllegalStateException("unknown stored role")),
                split(row.getString("operations")),
                row.getString("party"),
                row.getString("created_at"),
                row.getString("revoked_at"));
    }

    private static TokenInfo token(ResultSet row, StatementContext context) throws SQLException {
        return new TokenInfo(
                row.getString("id"),
                row.getString("account_id"),
                row.getString("created_at"),
                row.getString("last_used_at"),
                row.getString("revoked_at"));
    }

    private static String joined(Set<String> operations) {
        return operations == null
                ? null
                : String.join(",", operations.stream().sorted().toList());
    }

    private static Set<String> split(String operations) {
        if (operations == null) {
            return null;
        }
        return operations.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(operations.split(",")));
    }

    /** Instants are stored as ISO-8601 UTC text, to the millisecond, as the ledger stores its times. */
    private static String text(Instant at) {
        return Times.format(at.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private <T> T writing(Supplier<T> work) {
        return failingAs("write to the access tables", work);
    }

    private <T> T reading(Supplier<T> work) {
        return failingAs("read the access tables", work);
    }

    private <T> T failingAs(String action, Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw new StorageException(
                    "could not " + action + " in " + dialect.describe() + ": " + rootMessage(e)
                            + ". Check that the database is reachable and writable, then try again",
                    e);
        }
    }

    private static String rootMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return cause.getMessage();
            }
        }
        return failure.getMessage();
    }
}

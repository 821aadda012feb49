package org.corridor.access;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.corridor.core.Fields;
import org.corridor.core.ForbiddenException;
import org.corridor.core.InvalidInputException;
import org.corridor.core.NotFoundException;
import org.corridor.core.Times;
import org.corridor.core.TooManyRequestsException;
import org.corridor.core.UnauthorizedException;

/**
 * Authentication, accounts, abuse limits and the audit trail over one {@link AccessStore}. Tokens and session ids
 * are checked by the hash of their text; passwords with Argon2id, after the login limits, so that the attempt past
 * the limit is refused unchecked. Thread-safe.
 */
public final class Access {
    static final String TOKEN_PREFIX = "crd_";
    static final String SESSION_PREFIX = "crs_";
    /** Writes of "last used" are spaced at least this far apart, so that a busy token does not write on each use. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    static final Duration LOGIN_WINDOW = Duration.ofMinutes(1);
    /** Longer than any accepted password (counted in UTF-16 units); refused before it is hashed. */
    static final int MAX_PASSWORD_CHARS = 4 * PasswordPolicy.MAX_LENGTH;

    private final AccessStore store;
    private final AccessSettings settings;
    private final InstantSource clock;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwords;
    private final LoginThrottle accountFailures;
    private final LoginThrottle addressFailures;
    private final RateLimiter requests;
    /** Logins for unknown accounts check against this, so that they take as long as those for known ones. */
    private volatile String unknownAccountHash;

    private final Map<String, Instant> touched = new ConcurrentHashMap<>();

    Access(AccessStore store, AccessSettings settings, InstantSource clock, PasswordHasher hasher) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.hasher = hasher;
        this.passwords = PasswordPolicy.standard();
        this.accountFailures = new LoginThrottle(settings.failuresPerAccount(), LOGIN_WINDOW, clock);
        this.addressFailures = new LoginThrottle(settings.failuresPerAddress(), LOGIN_WINDOW, clock);
        this.requests = new RateLimiter(settings.requestsPerSecond(), settings.burst(), clock);
    }

    public static Access start(AccessStore store, AccessSettings settings, InstantSource clock) {
        return new Access(store, settings, clock, new PasswordHasher());
    }

    public AccessSettings settings() {
        return settings;
    }

    // ---- authentication ----

    /**
     * Who a bearer token stands for.
     *
     * @throws UnauthorizedException when it is unknown, revoked, or its account is revoked
     */
    public Principal authenticateToken(String token) {
        String hash = Secrets.sha256(token);
        if (settings.bootstrapTokenHash() != null && Secrets.constantTimeEquals(hash, settings.bootstrapTokenHash())) {
            return Principal.bootstrap();
        }
        TokenInfo info = store.tokenByHash(hash)
                .filter(TokenInfo::active)
                .orElseThrow(() -> new UnauthorizedException("the bearer token is not valid (unknown or revoked)"));
        Account account = activeAccount(info.accountId());
        touchToken(info.id());
        return Principal.of(account, Principal.Via.TOKEN, info.id());
    }

    /**
     * Who a login session stands for; a session past its idle or absolute limit is ended.
     *
     * @throws UnauthorizedException when it is unknown, expired, or its account is revoked
     */
    public Principal authenticateSession(String sessionId) {
        String hash = Secrets.sha256(sessionId);
        SessionInfo session = store.session(hash)
                .orElseThrow(() -> new UnauthorizedException("the session is not valid: sign in again"));
        Instant now = clock.instant();
        if (expired(session, now)) {
            store.deleteSession(hash);
            throw new UnauthorizedException("the session has expired: sign in again");
        }
        Account account = activeAccount(session.accountId());
        if (Duration.between(session.lastSeenAt(), now).compareTo(TOUCH_EVERY) >= 0) {
            store.touchSession(hash, now);
        }
        return Principal.of(account, Principal.Via.SESSION, null);
    }

    private boolean expired(SessionInfo session, Instant now) {
        return !now.isBefore(session.createdAt().plus(settings.absoluteTimeout()))
                || !now.isBefore(session.lastSeenAt().plus(settings.idleTimeout()));
    }

    private Account activeAccount(String accountId) {
        return store.account(accountId)
                .filter(Account::active)
                .orElseThrow(() -> new UnauthorizedException("the account behind these credentials is revoked"));
    }

    /**
     * The CSRF token of a session: derived from its secret id, so the server keeps nothing more, and unknowable to a
     * page on another site, which cannot read the cookie.
     */
    public static String csrfToken(String sessionId) {
        return Secrets.sha256("corridor-csrf:" + sessionId);
    }

    /** True when {@code presented} is the session's CSRF token. */
    public static boolean csrfValid(String sessionId, String presented) {
        return presented != null && Secrets.constantTimeEquals(csrfToken(sessionId), presented);
    }

    /**
     * Signs in with a password and begins a new session (always a new id). Past the limits of failed attempts per
     * account or per address the attempt is refused before the password is checked.
     *
     * @throws TooManyRequestsException when a limit is reached
     * @throws UnauthorizedException when the account is unknown, revoked, has no password, or the password is wrong
     */
    public NewSession login(String accountId, String password, String address) {
        // Only a slug can name an account; anything else shares one key, so made-up names cannot fill memory.
        String accountKey = Fields.SLUG.matcher(accountId).matches() ? accountId : "";
        long wait =
                Math.max(accountFailures.secondsUntilAllowed(accountKey), addressFailures.secondsUntilAllowed(address));
        if (wait > 0) {
            record("login.throttled", null, address, null, null, null);
            throw new TooManyRequestsException(
                    "too many failed sign-ins for this account or from this address; try again later", wait);
        }
        if (password.length() > MAX_PASSWORD_CHARS) {
            throw new UnauthorizedException("the account or password is wrong");
        }
        Optional<Account> account = store.account(accountId).filter(Account::active);
        Optional<String> stored = account.flatMap(a -> store.passwordHash(a.id()));
        boolean matches = hasher.verify(password, stored.orElseGet(this::unknownAccountHash)) && stored.isPresent();
        if (!matches) {
            accountFailures.failed(accountKey);
            addressFailures.failed(address);
            // An unknown name is not recorded: people type passwords into the name field.
            record("login.failed", null, address, null, account.map(Account::id).orElse(null), null);
            throw new UnauthorizedException("the account or password is wrong");
        }
        accountFailures.succeeded(accountKey);
        return beginSession(account.get(), address);
    }

    private NewSession beginSession(Account account, String address) {
        String sessionId = Secrets.newSecret(SESSION_PREFIX);
        Instant now = clock.instant();
        store.createSession(new SessionInfo(Secrets.sha256(sessionId), account.id(), now, now));
        record("login", account.id(), address, null, account.id(), null);
        return new NewSession(sessionId, csrfToken(sessionId), Principal.of(account, Principal.Via.SESSION, null));
    }

    /** Ends a session. */
    public void logout(String sessionId, Principal principal, String address) {
        store.deleteSession(Secrets.sha256(sessionId));
        record("logout", principal.id(), address, null, principal.id(), null);
    }

    // ---- accounts ----

    /**
     * Creates an account and its first token; with a password in the request, it may also sign in.
     *
     * @throws InvalidInputException when the request or the password is refused
     * @throws org.corridor.core.ConflictException when the id is taken
     */
    public IssuedToken createAccount(NewAccount request, String actorId, String address) {
        if (request.password() != null) {
            checkPassword(request.id(), request.password());
        }
        store.createAccount(
                new Account(request.id(), request.role(), request.operations(), request.party(), now(), null));
        if (request.password() != null) {
            store.setPasswordHash(request.id(), hasher.hash(request.password()));
        }
        record(
                "account.created",
                actorId,
                address,
                null,
                request.id(),
                request.role().wireName());
        return issueToken(request.id(), actorId, address);
    }

    /** Every account, with none of its secrets. */
    public List<Account> accounts() {
        return store.accounts();
    }

    /** The tokens of an account, with none of their text. */
    public List<TokenInfo> tokens(String accountId) {
        return store.tokens(accountId);
    }

    /** Makes another token for an active account. */
    public IssuedToken issueToken(String accountId, String actorId, String address) {
        Account account = store.account(accountId)
                .filter(Account::active)
                .orElseThrow(() -> new NotFoundException("there is no active account '" + accountId + "'"));
        String token = Secrets.newSecret(TOKEN_PREFIX);
        String tokenId = Secrets.newId("tok-");
        store.addToken(new TokenInfo(tokenId, accountId, now(), null, null), Secrets.sha256(token));
        record("token.issued", actorId, address, null, accountId, tokenId);
        return new IssuedToken(accountId, account.role(), tokenId, token);
    }

    /** Revokes an account with all its tokens and sessions, at once. */
    public void revokeAccount(String accountId, String actorId, String address) {
        if (store.account(accountId).isEmpty()) {
            throw new NotFoundException("there is no account '" + accountId + "'");
        }
        store.revokeAccount(accountId, clock.instant());
        record("account.revoked", actorId, address, null, accountId, null);
    }

    /** Revokes one token of an account. */
    public void revokeToken(String accountId, String tokenId, String actorId, String address) {
        if (!store.revokeToken(accountId, tokenId, clock.instant())) {
            throw new NotFoundException("account '" + accountId + "' has no active token '" + tokenId + "'");
        }
        record("token.revoked", actorId, address, null, accountId, tokenId);
    }

    /** Sets an account's password, ending its sessions. */
    public void setPassword(String accountId, String password, String actorId, String address) {
        store.account(accountId)
                .filter(Account::active)
                .orElseThrow(() -> new NotFoundException("there is no active account '" + accountId + "'"));
        checkPassword(accountId, password);
        store.setPasswordHash(accountId, hasher.hash(password));
        record("password.set", actorId, address, null, accountId, null);
    }

    /**
     * Changes the caller's own password once its current one is proven, under the same limits as signing in; every
     * session of the account ends, this one too.
     *
     * @throws ForbiddenException when the current password is wrong
     * @throws TooManyRequestsException when too many wrong passwords were tried for the account
     */
    public void changeOwnPassword(Principal principal, String current, String password, String address) {
        long wait = accountFailures.secondsUntilAllowed(principal.id());
        if (wait > 0) {
            throw new TooManyRequestsException("too many wrong passwords for this account; try again later", wait);
        }
        Optional<String> stored = store.passwordHash(principal.id());
        if (stored.isEmpty() || current.length() > MAX_PASSWORD_CHARS || !hasher.verify(current, stored.get())) {
            accountFailures.failed(principal.id());
            record("password.change.failed", principal.id(), address, null, principal.id(), null);
            throw new ForbiddenException("the current password is wrong");
        }
        setPassword(principal.id(), password, principal.id(), address);
    }

    private void checkPassword(String accountId, String password) {
        passwords.problem(accountId, password).ifPresent(problem -> {
            throw InvalidInputException.of("password", problem);
        });
    }

    // ---- limits and audit ----

    /**
     * Takes one request from the caller's allowance.
     *
     * @param caller an account id, or a network address for requests without valid credentials
     * @throws TooManyRequestsException when the allowance is spent
     */
    public void throttle(String caller) {
        long wait = requests.take(caller);
        if (wait > 0) {
            throw new TooManyRequestsException("too many requests; slow down", wait);
        }
    }

    /** Appends to the audit trail. Never pass a secret or personal data: ids, kinds and short phrases only. */
    public void record(String kind, String actorId, String address, String operation, String subject, String detail) {
        store.audit(event(kind, actorId, address, operation, subject, detail));
    }

    /** An entry for the audit trail, made now, to append with others in one write ({@link #record(List)}). */
    public AuditEvent event(
            String kind, String actorId, String address, String operation, String subject, String detail) {
        return new AuditEvent(0, now(), kind, actorId, address, operation, subject, detail);
    }

    /**
     * Appends {@code events} to the audit trail in one write, in their order: a request's own entry and those it
     * implies (each correction a batch holds), without a durable commit for each.
     */
    public void record(List<AuditEvent> events) {
        if (!events.isEmpty()) {
            store.audit(events);
        }
    }

    public List<AuditEvent> auditTrail(long afterSeq, int limit) {
        return store.auditTrail(afterSeq, limit);
    }

    /** Made at the first login, not at start-up, which would pay for a hash that serve may never need. */
    private String unknownAccountHash() {
        String hash = unknownAccountHash;
        if (hash == null) {
            hash = hasher.hash(Secrets.newSecret("unknown-"));
            unknownAccountHash = hash;
        }
        return hash;
    }

    private void touchToken(String tokenId) {
        Instant now = clock.instant();
        Instant last = touched.get(tokenId);
        if (last == null || Duration.between(last, now).compareTo(TOUCH_EVERY) >= 0) {
            touched.put(tokenId, now);
            store.touchToken(tokenId, now);
        }
    }

    private String now() {
        return Times.format(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }
}

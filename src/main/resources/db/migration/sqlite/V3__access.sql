-- Access: accounts, the hashes of their tokens, passwords and sessions, and the append-only audit trail.
-- No secret is stored as it was given: tokens and session ids as SHA-256 hex, passwords as Argon2id encodings.

CREATE TABLE account (
    id            TEXT NOT NULL PRIMARY KEY,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'monitor', 'liaison', 'viewer')),
    operations    TEXT,                             -- operation ids separated by commas, or NULL for none in particular
    party         TEXT,
    password_hash TEXT,                             -- Argon2id, PHC string form; NULL when it signs in by token only
    created_at    TEXT NOT NULL,
    revoked_at    TEXT
);

CREATE TABLE access_token (
    id           TEXT NOT NULL PRIMARY KEY,
    account_id   TEXT NOT NULL REFERENCES account (id),
    token_hash   TEXT NOT NULL UNIQUE,              -- SHA-256 hex of the token, which is shown once and not kept
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);

CREATE INDEX access_token_by_account ON access_token (account_id);

CREATE TABLE login_session (
    id_hash      TEXT NOT NULL PRIMARY KEY,         -- SHA-256 hex of the session id in the cookie
    account_id   TEXT NOT NULL REFERENCES account (id),
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);

CREATE INDEX login_session_by_account ON login_session (account_id);

CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL,
    actor     TEXT,
    address   TEXT,
    operation TEXT,
    subject   TEXT,
    detail    TEXT
);

CREATE TRIGGER audit_refuses_update
BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: an entry cannot be changed');
END;

CREATE TRIGGER audit_refuses_delete
BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: an entry cannot be deleted');
END;

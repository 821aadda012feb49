-- The ledger: operation definitions and their append-only observations.
-- The database itself keeps the two promises the code relies on: a stored observation is never changed or
-- deleted, and each operation's sequence numbers run 1, 2, 3, ... with no gap.

CREATE TABLE operation (
    id         TEXT    NOT NULL PRIMARY KEY,
    ordinal    INTEGER NOT NULL UNIQUE,             -- the order in which operations were first stored
    definition TEXT    NOT NULL,                    -- canonical JSON
    last_seq   INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);

CREATE TABLE observation (
    operation_id TEXT    NOT NULL REFERENCES operation (id),
    seq          INTEGER NOT NULL CHECK (seq >= 1),
    id           TEXT    NOT NULL,                  -- UUID, lower case; unique within its operation
    type         TEXT    NOT NULL,
    at_utc       TEXT    NOT NULL,
    body         TEXT    NOT NULL,                  -- canonical JSON, exactly as served
    stored_at    TEXT    NOT NULL,
    PRIMARY KEY (operation_id, seq),
    UNIQUE (operation_id, id)
);

-- The defined ids that stored observations use, once each, so that a definition cannot drop one that is in use.
CREATE TABLE observation_ref (
    operation_id TEXT    NOT NULL REFERENCES operation (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('site', 'movement', 'monitor', 'party')),
    ref_id       TEXT    NOT NULL,
    PRIMARY KEY (operation_id, kind, ref_id)
) WITHOUT ROWID;

CREATE TRIGGER observation_seq_has_no_gap
BEFORE INSERT ON observation
WHEN NEW.seq <> (SELECT last_seq + 1 FROM operation WHERE id = NEW.operation_id)
BEGIN
    SELECT RAISE(ABORT, 'observation seq must be the operation''s last seq + 1: the ledger has no gaps');
END;

CREATE TRIGGER observation_advances_last_seq
AFTER INSERT ON observation
BEGIN
    UPDATE operation SET last_seq = NEW.seq WHERE id = NEW.operation_id;
END;

CREATE TRIGGER operation_last_seq_follows_observations
BEFORE UPDATE OF last_seq ON operation
WHEN NEW.last_seq <> (SELECT coalesce(max(seq), 0) FROM observation WHERE operation_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'operation last_seq is kept by the ledger and must equal its highest observation seq');
END;

CREATE TRIGGER observation_refuses_update
BEFORE UPDATE ON observation
BEGIN
    SELECT RAISE(ABORT, 'observations are append-only: a stored observation cannot be changed');
END;

CREATE TRIGGER observation_refuses_delete
BEFORE DELETE ON observation
BEGIN
    SELECT RAISE(ABORT, 'observations are append-only: a stored observation cannot be deleted');
END;

CREATE TRIGGER observation_ref_refuses_update
BEFORE UPDATE ON observation_ref
BEGIN
    SELECT RAISE(ABORT, 'observation references are append-only: they cannot be changed');
END;

CREATE TRIGGER observation_ref_refuses_delete
BEFORE DELETE ON observation_ref
BEGIN
    SELECT RAISE(ABORT, 'observation references are append-only: they cannot be deleted');
END;

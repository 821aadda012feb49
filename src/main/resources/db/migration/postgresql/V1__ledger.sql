-- The ledger: operation definitions and their append-only observations; the same tables as SQLite's V1.
-- The database itself keeps the two promises the code relies on: a stored observation is never changed or
-- deleted, and each operation's sequence numbers run 1, 2, 3, ... with no gap. Times and bodies are kept as the
-- same text SQLite keeps, so that both stores serve byte-identical observations.

CREATE TABLE operation (
    id         TEXT   NOT NULL PRIMARY KEY,
    ordinal    BIGINT NOT NULL UNIQUE,              -- the order in which operations were first stored
    definition TEXT   NOT NULL,                     -- canonical JSON
    last_seq   BIGINT NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    created_at TEXT   NOT NULL,
    updated_at TEXT   NOT NULL
);

CREATE TABLE observation (
    operation_id TEXT   NOT NULL REFERENCES operation (id),
    seq          BIGINT NOT NULL CHECK (seq >= 1),
    id           TEXT   NOT NULL,                   -- UUID, lower case; unique within its operation
    type         TEXT   NOT NULL,
    at_utc       TEXT   NOT NULL,
    body         TEXT   NOT NULL,                   -- canonical JSON, exactly as served
    stored_at    TEXT   NOT NULL,
    PRIMARY KEY (operation_id, seq),
    UNIQUE (operation_id, id)
);

-- The defined ids that stored observations use, once each, so that a definition cannot drop one that is in use.
CREATE TABLE observation_ref (
    operation_id TEXT NOT NULL REFERENCES operation (id),
    kind         TEXT NOT NULL CHECK (kind IN ('site', 'movement', 'monitor', 'party')),
    ref_id       TEXT NOT NULL,
    PRIMARY KEY (operation_id, kind, ref_id)
);

-- Locks the operation's row, so that concurrent inserts into one operation take turns even in plain SQL, and
-- refuses any seq but the next one.
CREATE FUNCTION observation_seq_has_no_gap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    expected BIGINT;
BEGIN
    SELECT last_seq + 1 INTO expected FROM operation WHERE id = NEW.operation_id FOR UPDATE;
    IF expected IS DISTINCT FROM NEW.seq THEN
        RAISE EXCEPTION 'observation seq must be the operation''s last seq + 1: the ledger has no gaps'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER observation_seq_has_no_gap
BEFORE INSERT ON observation
FOR EACH ROW EXECUTE FUNCTION observation_seq_has_no_gap();

CREATE FUNCTION observation_advances_last_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE operation SET last_seq = NEW.seq WHERE id = NEW.operation_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER observation_advances_last_seq
AFTER INSERT ON observation
FOR EACH ROW EXECUTE FUNCTION observation_advances_last_seq();

CREATE FUNCTION operation_last_seq_follows_observations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.last_seq <> (SELECT coalesce(max(seq), 0) FROM observation WHERE operation_id = NEW.id) THEN
        RAISE EXCEPTION 'operation last_seq is kept by the ledger and must equal its highest observation seq'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER operation_last_seq_follows_observations
BEFORE UPDATE OF last_seq ON operation
FOR EACH ROW EXECUTE FUNCTION operation_last_seq_follows_observations();

-- Refuses the statement it guards; TG_ARGV[0] says what is refused. Guards rows (UPDATE, DELETE) and whole tables
-- (TRUNCATE, which fires no row triggers).
CREATE FUNCTION ledger_refuses_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER observation_refuses_update
BEFORE UPDATE ON observation
FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change(
    'observations are append-only: a stored observation cannot be changed');

CREATE TRIGGER observation_refuses_delete
BEFORE DELETE ON observation
FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change(
    'observations are append-only: a stored observation cannot be deleted');

CREATE TRIGGER observation_refuses_truncate
BEFORE TRUNCATE ON observation
FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuses_change(
    'observations are append-only: stored observations cannot be truncated');

CREATE TRIGGER observation_ref_refuses_update
BEFORE UPDATE ON observation_ref
FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change(
    'observation references are append-only: they cannot be changed');

CREATE TRIGGER observation_ref_refuses_delete
BEFORE DELETE ON observation_ref
FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change(
    'observation references are append-only: they cannot be deleted');

CREATE TRIGGER observation_ref_refuses_truncate
BEFORE TRUNCATE ON observation_ref
FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuses_change(
    'observation references are append-only: they cannot be truncated');

-- Each operation's Merkle log (RFC 6962): the same tables as SQLite's V2. The hash of every complete perfect
-- subtree is written once, in the transaction of the observation that completes it, so that a proof reads
-- O(log n) rows. Leaf i (level 0, idx i) is the hash of the canonical bytes of the observation with seq i + 1.

CREATE TABLE log_node (
    operation_id TEXT     NOT NULL REFERENCES operation (id),
    level        SMALLINT NOT NULL CHECK (level BETWEEN 0 AND 63),
    idx          BIGINT   NOT NULL CHECK (idx >= 0),
    hash         BYTEA    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (operation_id, level, idx)
);

-- Every checkpoint the server signed: the record that a later checkpoint must be consistent with.
CREATE TABLE log_checkpoint (
    operation_id TEXT   NOT NULL REFERENCES operation (id),
    size         BIGINT NOT NULL CHECK (size >= 0),
    key_id       TEXT   NOT NULL,                   -- the signed-note verifier key's name+id
    root         BYTEA  NOT NULL CHECK (octet_length(root) = 32),
    note         TEXT   NOT NULL,                   -- the signed note as served
    signed_at    TEXT   NOT NULL,
    PRIMARY KEY (operation_id, size, key_id)
);

CREATE TRIGGER log_node_refuses_update
BEFORE UPDATE ON log_node
FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change('the Merkle log is append-only: a stored hash cannot be changed');

CREATE TRIGGER log_node_refuses_delete
BEFORE DELETE ON log_node
FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change('the Merkle log is append-only: a stored hash cannot be deleted');

CREATE TRIGGER log_node_refuses_truncate
BEFORE TRUNCATE ON log_node
FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuses_change('the Merkle log is append-only: it cannot be truncated');

CREATE TRIGGER log_checkpoint_refuses_update
BEFORE UPDATE ON log_checkpoint
FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change('signed checkpoints are append-only: they cannot be changed');

CREATE TRIGGER log_checkpoint_refuses_delete
BEFORE DELETE ON log_checkpoint
FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change('signed checkpoints are append-only: they cannot be deleted');

CREATE TRIGGER log_checkpoint_refuses_truncate
BEFORE TRUNCATE ON log_checkpoint
FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuses_change('signed checkpoints are append-only: they cannot be truncated');

-- Each operation's Merkle log (RFC 6962): the hash of every complete perfect subtree, written once in the same
-- transaction as the observation that completes it, so that a proof reads O(log n) rows and never rebuilds the
-- tree. Leaf i (level 0, idx i) is the hash of the canonical bytes of the observation with seq i + 1. Stores made
-- before this version get their hashes from the ledger when it opens.

CREATE TABLE log_node (
    operation_id TEXT    NOT NULL REFERENCES operation (id),
    level        INTEGER NOT NULL CHECK (level BETWEEN 0 AND 63),
    idx          INTEGER NOT NULL CHECK (idx >= 0),
    hash         BLOB    NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (operation_id, level, idx)
) WITHOUT ROWID;

-- Every checkpoint the server signed: the record that a later checkpoint must be consistent with.
CREATE TABLE log_checkpoint (
    operation_id TEXT    NOT NULL REFERENCES operation (id),
    size         INTEGER NOT NULL CHECK (size >= 0),
    key_id       TEXT    NOT NULL,                  -- the signed-note verifier key's name+id
    root         BLOB    NOT NULL CHECK (length(root) = 32),
    note         TEXT    NOT NULL,                  -- the signed note as served
    signed_at    TEXT    NOT NULL,
    PRIMARY KEY (operation_id, size, key_id)
);

CREATE TRIGGER log_node_refuses_update
BEFORE UPDATE ON log_node
BEGIN
    SELECT RAISE(ABORT, 'the Merkle log is append-only: a stored hash cannot be changed');
END;

CREATE TRIGGER log_node_refuses_delete
BEFORE DELETE ON log_node
BEGIN
    SELECT RAISE(ABORT, 'the Merkle log is append-only: a stored hash cannot be deleted');
END;

CREATE TRIGGER log_checkpoint_refuses_update
BEFORE UPDATE ON log_checkpoint
BEGIN
    SELECT RAISE(ABORT, 'signed checkpoints are append-only: they cannot be changed');
END;

CREATE TRIGGER log_checkpoint_refuses_delete
BEFORE DELETE ON log_checkpoint
BEGIN
    SELECT RAISE(ABORT, 'signed checkpoints are append-only: they cannot be deleted');
END;

-- Public reports (press, statements) stored with an operation, so that the figures they claim can be set beside the
-- verified numbers at the moment each was published. Append-only, like the ledger.

CREATE TABLE report (
    operation_id TEXT    NOT NULL REFERENCES operation (id),
    seq          INTEGER NOT NULL CHECK (seq >= 1),
    id           TEXT    NOT NULL,                  -- UUID given by the server
    body         TEXT    NOT NULL,                  -- canonical JSON: text, language, source, publishedAt
    stored_at    TEXT    NOT NULL,
    PRIMARY KEY (operation_id, seq),
    UNIQUE (operation_id, id)
);

CREATE TRIGGER report_refuses_update
BEFORE UPDATE ON report
BEGIN
    SELECT RAISE(ABORT, 'reports are append-only: a stored report cannot be changed');
END;

CREATE TRIGGER report_refuses_delete
BEFORE DELETE ON report
BEGIN
    SELECT RAISE(ABORT, 'reports are append-only: a stored report cannot be deleted');
END;

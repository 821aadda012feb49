-- Public reports stored with an operation, as SQLite's V5: append-only.

CREATE TABLE report (
    operation_id TEXT   NOT NULL REFERENCES operation (id),
    seq          BIGINT NOT NULL CHECK (seq >= 1),
    id           TEXT   NOT NULL,
    body         TEXT   NOT NULL,
    stored_at    TEXT   NOT NULL,
    PRIMARY KEY (operation_id, seq),
    UNIQUE (operation_id, id)
);

CREATE TRIGGER report_refuses_update
BEFORE UPDATE ON report
FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change('reports are append-only: a stored report cannot be changed');

CREATE TRIGGER report_refuses_delete
BEFORE DELETE ON report
FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change('reports are append-only: a stored report cannot be deleted');

CREATE TRIGGER report_refuses_truncate
BEFORE TRUNCATE ON report
FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuses_change('reports are append-only: they cannot be truncated');

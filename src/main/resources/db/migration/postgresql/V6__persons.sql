-- Personal data beside observations, as SQLite's V6: AES-256-GCM ciphertext only, never changed once stored.

CREATE TABLE persons (
    operation_id   TEXT NOT NULL,
    observation_id TEXT NOT NULL,
    digest         TEXT NOT NULL,
    key_id         TEXT NOT NULL,
    nonce          TEXT NOT NULL,
    sealed         TEXT NOT NULL,
    stored_at      TEXT NOT NULL,
    PRIMARY KEY (operation_id, observation_id),
    FOREIGN KEY (operation_id, observation_id) REFERENCES observation (operation_id, id)
);

CREATE TRIGGER persons_refuses_update
BEFORE UPDATE ON persons
FOR EACH ROW EXECUTE FUNCTION ledger_refuses_change('personal data is never changed once stored');

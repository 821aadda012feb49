-- Personal data beside observations (CONTRACT §8): the names, ages and sex of detained or injured people, never
-- inside the observation that is signed and logged (which carries only a salted digest of them). Each row is
-- AES-256-GCM ciphertext (base64) under the server's persons key, its nonce fresh, bound to its operation,
-- observation and digest. Rows are never changed; an operator may delete one (the log keeps only the digest).

CREATE TABLE persons (
    operation_id   TEXT NOT NULL,
    observation_id TEXT NOT NULL,                   -- UUID, as in observation.id
    digest         TEXT NOT NULL,                   -- the observation's personsDigest
    key_id         TEXT NOT NULL,                   -- fingerprint of the key that sealed it (not the key)
    nonce          TEXT NOT NULL,                   -- base64, 12 bytes
    sealed         TEXT NOT NULL,                   -- base64 AES-GCM ciphertext and tag
    stored_at      TEXT NOT NULL,
    PRIMARY KEY (operation_id, observation_id),
    FOREIGN KEY (operation_id, observation_id) REFERENCES observation (operation_id, id)
);

CREATE TRIGGER persons_refuses_update
BEFORE UPDATE ON persons
BEGIN
    SELECT RAISE(ABORT, 'personal data is never changed once stored');
END;

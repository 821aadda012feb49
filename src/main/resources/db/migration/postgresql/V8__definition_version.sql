-- A number that grows with every replacement of an operation's definition, so that a server following the store
-- (another server on the same database may replace a definition) can tell in one small query, polled twice a
-- second, whether it must read the definition again, instead of reading and comparing its whole text every time.
ALTER TABLE operation ADD COLUMN definition_version BIGINT NOT NULL DEFAULT 1 CHECK (definition_version >= 1);

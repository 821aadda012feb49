-- The no-gap rule and last_seq kept once per INSERT statement instead of once per row: the ledger sends a batch as
-- multi-row INSERTs (the driver's reWriteBatchedInserts), and a row trigger's lock, check and UPDATE of the
-- operation's row for each of a thousand observations cost more than storing them. The promises are the same: an
-- operation's sequence numbers run 1, 2, 3, ... with no gap, and last_seq is its highest.

DROP TRIGGER observation_seq_has_no_gap ON observation;
DROP TRIGGER observation_advances_last_seq ON observation;

CREATE FUNCTION observation_batch_has_no_gap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    batch RECORD;
    expected BIGINT;
BEGIN
    FOR batch IN
        SELECT operation_id, min(seq) AS first_seq, max(seq) AS last_seq, count(*) AS rows
        FROM inserted GROUP BY operation_id
    LOOP
        SELECT last_seq + 1 INTO expected FROM operation WHERE id = batch.operation_id FOR UPDATE;
        IF expected IS DISTINCT FROM batch.first_seq OR batch.last_seq - batch.first_seq + 1 <> batch.rows THEN
            RAISE EXCEPTION 'observation seq must be the operation''s last seq + 1: the ledger has no gaps'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        UPDATE operation SET last_seq = batch.last_seq WHERE id = batch.operation_id;
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE TRIGGER observation_batch_has_no_gap
AFTER INSERT ON observation
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION observation_batch_has_no_gap();

-- Each stored observation used to rewrite its operation's row twice over: a trigger advanced operation.last_seq after
-- every insert, and the guard on last_seq then read the highest seq again. The operation's row holds its whole
-- definition (several kilobytes for a real operation, on overflow pages), so an append of 1,000 observations rewrote
-- it 1,000 times. The same promises, with one write of the row per append:
--   no gaps: an observation's seq must be one past the highest seq of its operation (one probe of the primary key);
--   last_seq follows the observations: the append sets it once, after its inserts, and the guard of V1
--   (operation_last_seq_follows_observations) still refuses any value but the highest seq.

DROP TRIGGER observation_seq_has_no_gap;
DROP TRIGGER observation_advances_last_seq;

CREATE TRIGGER observation_seq_has_no_gap
BEFORE INSERT ON observation
WHEN NEW.seq <> (SELECT coalesce(max(seq), 0) + 1 FROM observation WHERE operation_id = NEW.operation_id)
BEGIN
    SELECT RAISE(ABORT, 'observation seq must be the operation''s last seq + 1: the ledger has no gaps');
END;

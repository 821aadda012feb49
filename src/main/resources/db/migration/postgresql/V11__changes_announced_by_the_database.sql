-- Listeners (PostgresWatcher, channel 'corridor_appended') hear of every committed append and definition from the
-- database itself, at commit, whoever wrote it. Before, the ledger sent a NOTIFY of its own in each append's
-- transaction: one more round trip while the operation's row was locked, which every other append to it waited out.
-- The payload is the operation's id, as before; the channel's name must stay the one PostgresWatcher listens on.

CREATE FUNCTION observations_announced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('corridor_appended', appended.operation_id)
    FROM (SELECT DISTINCT operation_id FROM inserted) AS appended;
    RETURN NULL;
END;
$$;

CREATE TRIGGER observation_batch_announced
AFTER INSERT ON observation
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION observations_announced();

CREATE FUNCTION definition_announced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('corridor_appended', NEW.id);
    RETURN NULL;
END;
$$;

CREATE TRIGGER operation_definition_announced
AFTER INSERT OR UPDATE OF definition ON operation
FOR EACH ROW EXECUTE FUNCTION definition_announced();

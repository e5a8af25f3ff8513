-- Team mode: each desktop listens on the channel herald_changes, and refreshes what it shows when
-- another desktop changed lists, contacts (every change of a list's contacts moves its row here),
-- opt-outs, templates or broadcasts. PostgreSQL sends a notice at commit, one per transaction and
-- table however many rows changed. The tables that grow by millions (contact, broadcast_recipient)
-- have no trigger: their writers move a row above in the same transaction.
CREATE FUNCTION herald_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('herald_changes', TG_TABLE_NAME);
    RETURN NULL;
END;
$$;

CREATE TRIGGER recipient_list_changed AFTER INSERT OR UPDATE OR DELETE ON recipient_list
    FOR EACH STATEMENT EXECUTE FUNCTION herald_announce_change();
CREATE TRIGGER opt_out_changed AFTER INSERT OR UPDATE OR DELETE ON opt_out
    FOR EACH STATEMENT EXECUTE FUNCTION herald_announce_change();
CREATE TRIGGER message_template_changed AFTER INSERT OR UPDATE OR DELETE ON message_template
    FOR EACH STATEMENT EXECUTE FUNCTION herald_announce_change();
CREATE TRIGGER broadcast_changed AFTER INSERT OR UPDATE OR DELETE ON broadcast
    FOR EACH STATEMENT EXECUTE FUNCTION herald_announce_change();

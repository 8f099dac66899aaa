-- New audit ids continue after the last id of the old global chain (see common/V11).
SELECT setval('audit_log_id_seq', (SELECT last_id FROM audit_chain_head WHERE singleton = 1) + 1, false);

-- Chain anchors move only with retention, as the old single anchor (postgresql/V4_1).
CREATE TRIGGER audit_chain_anchors_guarded
    BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_anchors
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

-- The old chain's head is closed: no append moves it any more.
CREATE TRIGGER audit_chain_head_closed
    BEFORE UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

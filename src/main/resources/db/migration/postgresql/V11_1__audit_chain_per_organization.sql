-- New audit ids start well past the last id of the old global chain (see common/V11): during a rolling
-- update, nodes of the previous version go on appending to the old chain with its next ids, and must never
-- take an id a new row already has. A gap in the ids is harmless; chains are ordered by chain_seq.
SELECT setval('audit_log_id_seq', (SELECT last_id FROM audit_chain_head WHERE singleton = 1) + 1000000000, false);

-- Chain anchors move only with retention, as the old single anchor (postgresql/V4_1).
CREATE TRIGGER audit_chain_anchors_guarded
    BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_anchors
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

-- Every append updates one of these few rows: room on the page keeps the updates HOT and the dead row
-- versions pruned in place instead of piling up between vacuums.
ALTER TABLE audit_chain_heads SET (fillfactor = 20);

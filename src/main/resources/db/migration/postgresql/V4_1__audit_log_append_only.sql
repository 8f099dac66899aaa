-- Append-only audit log: UPDATE, DELETE and TRUNCATE of audit_log (and changes to the chain anchor)
-- are refused unless the transaction has set covenant.audit_retention = 'on', which only the retention
-- job does (set_config(..., true), i.e. SET LOCAL). This stops mistakes and casual tampering through
-- the application's own connection; the hash chain detects the rest.
-- H2 (the embedded default) has no equivalent and gets no trigger.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF coalesce(current_setting('covenant.audit_retention', true), '') <> 'on' THEN
        RAISE EXCEPTION 'audit_log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF TG_LEVEL = 'STATEMENT' THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_chain_anchor_guarded
    BEFORE UPDATE OR DELETE ON audit_chain_anchor
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

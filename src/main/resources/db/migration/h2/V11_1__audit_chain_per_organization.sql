-- New audit ids continue after the last id of the old global chain (see common/V11).
ALTER SEQUENCE audit_log_id_seq RESTART WITH (SELECT last_id + 1 FROM audit_chain_head WHERE singleton = 1);

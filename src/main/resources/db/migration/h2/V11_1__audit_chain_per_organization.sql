-- New audit ids start well past the last id of the old global chain, as on PostgreSQL (see postgresql/V11_1).
ALTER SEQUENCE audit_log_id_seq RESTART WITH (SELECT last_id + 1000000000 FROM audit_chain_head WHERE singleton = 1);

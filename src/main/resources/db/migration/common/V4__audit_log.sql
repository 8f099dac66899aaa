-- Audit: the append-only, hash-chained log (see app.covenant.audit).
-- No foreign keys: an entry must outlive the user, organization or record it names.
-- before_json/after_json are TEXT, not JSONB: the hash covers the exact text written, which JSONB
-- would reformat. PostgreSQL additionally refuses UPDATE/DELETE by trigger (postgresql/V4_1);
-- H2, the single-node embedded default, gets no trigger.
CREATE TABLE audit_log
(
    id              BIGINT                   NOT NULL PRIMARY KEY,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    organization_id UUID,
    actor_id        UUID,
    actor_email     VARCHAR(320),
    module          VARCHAR(40)              NOT NULL,
    action          VARCHAR(100)             NOT NULL,
    target_type     VARCHAR(60),
    target_id       VARCHAR(100),
    before_json     TEXT,
    after_json      TEXT,
    ip_address      VARCHAR(45),
    user_agent      VARCHAR(500),
    correlation_id  VARCHAR(100),
    visibility      VARCHAR(12)              NOT NULL,
    prev_hash       VARCHAR(64)              NOT NULL,
    hash            VARCHAR(64)              NOT NULL,
    CONSTRAINT audit_log_visibility_ck CHECK (visibility IN ('PUBLIC', 'INTERNAL', 'LEGAL_ONLY'))
);
-- One index per filter, each ending in occurred_at for the newest-first order.
CREATE INDEX audit_log_organization_occurred_idx ON audit_log (organization_id, occurred_at);
CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at);
CREATE INDEX audit_log_actor_occurred_idx ON audit_log (actor_id, occurred_at);
CREATE INDEX audit_log_target_occurred_idx ON audit_log (target_id, occurred_at);
CREATE INDEX audit_log_module_action_occurred_idx ON audit_log (module, action, occurred_at);

-- The end of the chain. Every append locks this one row (SELECT ... FOR UPDATE) until its transaction
-- ends, so appends are serialised across all nodes; ids are last_id + 1, gap-free.
CREATE TABLE audit_chain_head
(
    singleton SMALLINT    NOT NULL PRIMARY KEY,
    last_id   BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT audit_chain_head_singleton_ck CHECK (singleton = 1)
);
INSERT INTO audit_chain_head (singleton, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- The start of the chain: the id and hash of the last row removed by retention (0 / genesis before
-- the first removal). Verification starts here.
CREATE TABLE audit_chain_anchor
(
    singleton   SMALLINT                 NOT NULL PRIMARY KEY,
    anchor_id   BIGINT                   NOT NULL,
    anchor_hash VARCHAR(64)              NOT NULL,
    anchored_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT audit_chain_anchor_singleton_ck CHECK (singleton = 1)
);
INSERT INTO audit_chain_anchor (singleton, anchor_id, anchor_hash, anchored_at)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL);

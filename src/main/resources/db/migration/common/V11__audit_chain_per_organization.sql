-- Audit: one hash chain per organization (platform-wide entries, without an organization, in a chain of
-- their own under the all-zero id) instead of one chain for everything. Appends used to lock the single
-- audit_chain_head row until their transaction ended, so every audited action of every organization
-- queued behind every other; now they queue only behind their own organization's.
--
-- Existing rows stay exactly as written: they keep forming the old global chain (chain_id NULL), from
-- audit_chain_anchor to audit_chain_head, which from now on no longer grows, and verification walks it
-- as before. Re-chaining them per organization would mean rewriting their prev_hash and hash, i.e.
-- updating an append-only table and replacing the very evidence the chain exists to protect.
-- New rows carry chain_id and their position chain_seq (gap-free per chain; the hash covers it), and
-- take their id from audit_log_id_seq, which starts after the last id of the old chain (vendor V11_1).
-- All nodes must run this version: an older node would still append to the old chain.
ALTER TABLE audit_log ADD COLUMN chain_id UUID;
ALTER TABLE audit_log ADD COLUMN chain_seq BIGINT;
-- No two rows in one place of a chain; also the order in which verification and retention walk it.
CREATE UNIQUE INDEX audit_log_chain_seq_uk ON audit_log (chain_id, chain_seq);

CREATE SEQUENCE audit_log_id_seq;

-- The end of each chain, locked (SELECT ... FOR UPDATE) by every append to that chain until its
-- transaction ends. Created by the first append of the chain.
CREATE TABLE audit_chain_heads
(
    chain_id  UUID        NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_id   BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);

-- The start of each chain that retention has cut: the position, id and hash of its last removed row.
-- A chain without a row here starts at position 0 with the genesis hash.
CREATE TABLE audit_chain_anchors
(
    chain_id    UUID                     NOT NULL PRIMARY KEY,
    anchor_seq  BIGINT                   NOT NULL,
    anchor_id   BIGINT                   NOT NULL,
    anchor_hash VARCHAR(64)              NOT NULL,
    anchored_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Audit: hash chains per organization (platform-wide entries, without an organization, under the
-- all-zero key) instead of one chain for everything. Appends used to lock the single audit_chain_head
-- row until their transaction ended, so every audited action of every organization queued behind every
-- other. Now an append locks the head of one of its organization's chains: the first one no other
-- transaction holds (SKIP LOCKED). An organization starts with one chain and gets another only when all
-- of its chains are held at once, up to covenant.audit.chains-per-organization; past that it waits.
--
-- Existing rows stay exactly as written: they keep forming the old global chain (chain_id NULL), from
-- audit_chain_anchor to audit_chain_head, which this version no longer extends (nodes of the previous
-- version still do during a rolling update), and verification walks it as before. Re-chaining them per organization would mean rewriting their prev_hash and hash, i.e.
-- updating an append-only table and replacing the very evidence the chain exists to protect.
-- New rows carry chain_id and their position chain_seq (gap-free per chain; the hash covers it), and
-- take their id from audit_log_id_seq, which starts well past the last id of the old chain (vendor V11_1).
ALTER TABLE audit_log ADD COLUMN chain_id UUID;
ALTER TABLE audit_log ADD COLUMN chain_seq BIGINT;
-- No two rows in one place of a chain; also the order in which verification and retention walk it.
CREATE UNIQUE INDEX audit_log_chain_seq_uk ON audit_log (chain_id, chain_seq);

-- Taken in blocks of 50 by each node (JdbcAuditTrail), so most appends need no round trip for their id.
CREATE SEQUENCE audit_log_id_seq INCREMENT BY 50;

-- The end of each chain, locked (SELECT ... FOR UPDATE) by every append to that chain until its
-- transaction ends. Created by the first append of the chain. organization_key is the organization's
-- id (the all-zero id for platform-wide entries); chain 0 of an organization has its key as chain_id.
CREATE TABLE audit_chain_heads
(
    chain_id         UUID        NOT NULL PRIMARY KEY,
    organization_key UUID        NOT NULL,
    chain_number     INTEGER     NOT NULL,
    last_seq         BIGINT      NOT NULL,
    last_id          BIGINT      NOT NULL,
    last_hash        VARCHAR(64) NOT NULL,
    CONSTRAINT audit_chain_heads_number_uk UNIQUE (organization_key, chain_number)
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

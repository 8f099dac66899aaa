package app.covenant.audit.internal;

import app.covenant.audit.AuditRetention;
import app.covenant.shared.persistence.DatabaseProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes old entries from the start of each chain (the global chain of the rows before V11 first, then
 * every chain per organization), batch by batch, each batch in its own transaction together with moving
 * that chain's anchor to its last removed row, so what is kept always verifies. Only a prefix of a chain
 * is removed (rows in chain order up to the first one still young), never a hole. This is the one place
 * that deletes audit rows; on PostgreSQL it must say so to the trigger.
 */
@Service
class RetentionJob implements AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final int CHAINS_PER_QUERY = 500;
    private static final String CHAINS = "SELECT chain_id FROM audit_chain_heads";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AuditProperties properties;

    RetentionJob(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, AuditProperties properties) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public Result runNow() {
        long started = System.nanoTime();
        Instant cutoff = clock.instant().minus(Duration.ofDays(properties.retentionDays()));
        boolean postgres = new DatabaseProduct(jdbc).postgres();
        long deleted = 0;
        long newestRemoved = 0;
        Batch batch;
        do {
            batch = transaction.execute(status -> removeBatch(cutoff, postgres));
            deleted += batch.deleted();
            newestRemoved = Math.max(newestRemoved, batch.anchorId());
        } while (batch.full());
        UUID after = null;
        List<UUID> chains;
        do {
            chains = after == null
                    ? jdbc.queryForList(CHAINS + " ORDER BY chain_id LIMIT " + CHAINS_PER_QUERY, UUID.class)
                    : jdbc.queryForList(CHAINS + " WHERE chain_id > ? ORDER BY chain_id LIMIT " + CHAINS_PER_QUERY,
                    UUID.class, after);
            for (UUID chain : chains) {
                do {
                    batch = transaction.execute(status -> removeChainBatch(chain, cutoff, postgres));
                    deleted += batch.deleted();
                    newestRemoved = Math.max(newestRemoved, batch.anchorId());
                } while (batch.full());
                after = chain;
            }
        } while (chains.size() == CHAINS_PER_QUERY);
        long durationMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        log.info("Audit retention completed: deleted={}, durationMs={}", deleted, durationMs);
        return new Result(deleted, durationMs, newestRemoved == 0 ? null : newestRemoved);
    }

    /** A batch of the oldest rows of one chain per organization; its anchor row is created with its first cut. */
    private Batch removeChainBatch(UUID chain, Instant cutoff, boolean postgres) {
        allowRemoval(postgres);
        jdbc.update("INSERT INTO audit_chain_anchors (chain_id, anchor_seq, anchor_id, anchor_hash, anchored_at) "
                + "VALUES (?, 0, 0, ?, ?) ON CONFLICT DO NOTHING", chain, ChainHash.GENESIS, now());
        // Locking the anchor also keeps two retention runs (scheduled and manual) from interleaving.
        long anchorSeq = jdbc.queryForObject(
                "SELECT anchor_seq FROM audit_chain_anchors WHERE chain_id = ? FOR UPDATE", Long.class, chain);
        List<Candidate> candidates = jdbc.query("SELECT id, chain_seq, occurred_at, hash FROM audit_log "
                        + "WHERE chain_id = ? AND chain_seq > ? ORDER BY chain_seq LIMIT ?",
                (rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4)),
                chain, anchorSeq, properties.retentionBatchSize());
        int old = oldPrefix(candidates, cutoff);
        if (old == 0) {
            return new Batch(0, 0, false);
        }
        Candidate last = candidates.get(old - 1);
        int deleted = jdbc.update("DELETE FROM audit_log WHERE chain_id = ? AND chain_seq > ? AND chain_seq <= ?",
                chain, anchorSeq, last.seq());
        jdbc.update("UPDATE audit_chain_anchors SET anchor_seq = ?, anchor_id = ?, anchor_hash = ?, anchored_at = ? "
                + "WHERE chain_id = ?", last.seq(), last.id(), last.hash(), now(), chain);
        return new Batch(deleted, last.id(), old == properties.retentionBatchSize());
    }

    private static int oldPrefix(List<Candidate> candidates, Instant cutoff) {
        int old = 0;
        while (old < candidates.size() && candidates.get(old).occurredAt().isBefore(cutoff)) {
            old++;
        }
        return old;
    }

    private void allowRemoval(boolean postgres) {
        if (postgres) {
            // Transaction-local (SET LOCAL): the permission ends with this batch.
            jdbc.queryForObject("SELECT set_config('covenant.audit_retention', 'on', true)", String.class);
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** A batch of the oldest rows of the global chain written before V11 (ids gap-free, anchor a single row). */
    private Batch removeBatch(Instant cutoff, boolean postgres) {
        allowRemoval(postgres);
        // Locking the anchor also keeps two retention runs (scheduled and manual) from interleaving.
        long anchorId = jdbc.queryForObject(
                "SELECT anchor_id FROM audit_chain_anchor WHERE singleton = 1 FOR UPDATE", Long.class);
        List<Candidate> candidates = jdbc.query(
                "SELECT id, occurred_at, hash FROM audit_log WHERE chain_id IS NULL AND id > ? ORDER BY id LIMIT ?",
                (rs, n) -> new Candidate(rs.getLong(1), rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3)),
                anchorId, properties.retentionBatchSize());
        int old = oldPrefix(candidates, cutoff);
        if (old == 0) {
            return new Batch(0, anchorId, false);
        }
        Candidate last = candidates.get(old - 1);
        int deleted = jdbc.update("DELETE FROM audit_log WHERE chain_id IS NULL AND id > ? AND id <= ?", anchorId,
                last.id());
        jdbc.update("UPDATE audit_chain_anchor SET anchor_id = ?, anchor_hash = ?, anchored_at = ? WHERE singleton = 1",
                last.id(), last.hash(), now());
        return new Batch(deleted, last.id(), old == properties.retentionBatchSize());
    }


    /** @param seq the place in its chain (the id itself in the global chain before V11) */
    private record Candidate(long id, long seq, Instant occurredAt, String hash) {
    }

    private record Batch(long deleted, long anchorId, boolean full) {
    }
}

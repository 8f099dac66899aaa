package app.covenant.audit.internal;

import app.covenant.audit.AuditRetention;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes old entries from the start of the chain, batch by batch, each batch in its own transaction
 * together with moving the anchor to the last removed row, so what is kept always verifies. Only a
 * prefix of the chain is removed (rows in id order up to the first one still young), never a hole.
 * This is the one place that deletes audit rows; on PostgreSQL it must say so to the trigger.
 */
@Service
class RetentionJob implements AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

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
        boolean postgres = isPostgres();
        long deleted = 0;
        Batch batch;
        do {
            batch = transaction.execute(status -> removeBatch(cutoff, postgres));
            deleted += batch.deleted();
        } while (batch.full());
        long durationMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        log.info("Audit retention completed: deleted={}, durationMs={}", deleted, durationMs);
        return new Result(deleted, durationMs, batch.anchorId() == 0 ? null : batch.anchorId());
    }

    private Batch removeBatch(Instant cutoff, boolean postgres) {
        if (postgres) {
            // Transaction-local (SET LOCAL): the permission ends with this batch.
            jdbc.queryForObject("SELECT set_config('covenant.audit_retention', 'on', true)", String.class);
        }
        // Locking the anchor also keeps two retention runs (scheduled and manual) from interleaving.
        long anchorId = jdbc.queryForObject(
                "SELECT anchor_id FROM audit_chain_anchor WHERE singleton = 1 FOR UPDATE", Long.class);
        List<Candidate> candidates = jdbc.query(
                "SELECT id, occurred_at, hash FROM audit_log WHERE id > ? ORDER BY id LIMIT ?",
                (rs, n) -> new Candidate(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3)),
                anchorId, properties.retentionBatchSize());
        int old = 0;
        while (old < candidates.size() && candidates.get(old).occurredAt().isBefore(cutoff)) {
            old++;
        }
        if (old == 0) {
            return new Batch(0, anchorId, false);
        }
        Candidate last = candidates.get(old - 1);
        int deleted = jdbc.update("DELETE FROM audit_log WHERE id > ? AND id <= ?", anchorId, last.id());
        jdbc.update("UPDATE audit_chain_anchor SET anchor_id = ?, anchor_hash = ?, anchored_at = ? WHERE singleton = 1",
                last.id(), last.hash(), clock.instant().atOffset(ZoneOffset.UTC));
        return new Batch(deleted, last.id(), old == properties.retentionBatchSize());
    }

    private boolean isPostgres() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            DatabaseMetaData metadata = connection.getMetaData();
            return "PostgreSQL".equalsIgnoreCase(metadata.getDatabaseProductName());
        }));
    }

    private record Candidate(long id, Instant occurredAt, String hash) {
    }

    private record Batch(long deleted, long anchorId, boolean full) {
    }
}

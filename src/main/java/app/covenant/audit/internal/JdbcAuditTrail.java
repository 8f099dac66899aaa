package app.covenant.audit.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to the chain. The chain head row is locked until the transaction ends, so appends from all
 * nodes are serialised and no two rows ever share a {@code prev_hash}. Callers should therefore record
 * as the last step of their transaction, keeping the lock short.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    private static final String LOCK_HEAD =
            "SELECT last_id, last_hash FROM audit_chain_head WHERE singleton = 1 FOR UPDATE";
    private static final String MOVE_HEAD = "UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE singleton = 1";

    private final JdbcTemplate jdbc;
    private final AuditJson json;
    private final Clock clock;
    private final TransactionTemplate joining;
    private final TransactionTemplate separate;

    JdbcAuditTrail(JdbcTemplate jdbc, AuditJson json, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.joining = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(AuditEntry entry) {
        // A read-only transaction (e.g. a download) changes nothing to commit with, and cannot insert.
        TransactionTemplate transaction = TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? separate : joining;
        RequestOrigin origin = RequestOrigin.current();
        AuditEntry withActor = withCurrentActor(entry);
        String before = json.write(withActor.before());
        String after = json.write(withActor.after());
        transaction.executeWithoutResult(status -> append(withActor, before, after, origin));
    }

    private void append(AuditEntry entry, String before, String after, RequestOrigin origin) {
        Head head = jdbc.queryForObject(LOCK_HEAD, (rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
        // Read under the lock, so time never runs backwards along the chain on one node.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditRow row = new AuditRow(head.lastId() + 1, now, entry.organizationId(), entry.actorId(),
                fit(entry.actorEmail(), 320), fit(entry.module(), 40), fit(entry.action(), 100),
                fit(entry.targetType(), 60), fit(entry.targetId(), 100), before, after,
                fit(origin.ipAddress(), 45), fit(origin.userAgent(), 500), fit(origin.correlationId(), 100),
                entry.visibility(), head.lastHash(), null);
        row = row.withHash(ChainHash.of(row));
        AuditRows.insert(jdbc, row);
        jdbc.update(MOVE_HEAD, row.id(), row.hash());
    }

    // Who acted is the signed-in caller unless the entry names someone (or is about an anonymous attempt).
    private static AuditEntry withCurrentActor(AuditEntry entry) {
        if (entry.actorId() != null || entry.actorEmail() != null) {
            return entry;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return entry.actor(caller.userId(), caller.email());
        }
        return entry;
    }

    // An over-long value must not roll back the business change it describes; the hash covers what is stored.
    private static String fit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    private record Head(long lastId, String lastHash) {
    }
}

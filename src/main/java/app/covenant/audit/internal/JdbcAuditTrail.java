package app.covenant.audit.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.shared.persistence.DatabaseProduct;
import app.covenant.shared.security.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to a chain of the entry's organization (platform-wide entries to the platform's): the first one
 * whose head no other transaction holds, a new one when all are held (up to
 * {@code covenant.audit.chains-per-organization}), else it waits for one. The head row stays locked until
 * the transaction ends, so appends to one chain from all nodes are serialised and no two rows of a chain
 * ever share a {@code prev_hash}, while other appends go on in parallel. A transaction that already holds a
 * chain of the organization gets that one again, so its entries stay in order. Callers should still record
 * as the last step of their transaction, keeping the lock short.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    private static final String HEAD = "SELECT chain_id, last_seq, last_hash FROM audit_chain_heads ";
    // Rows locked by other transactions are skipped; those this one holds are not.
    private static final String LOCK_FREE_HEAD =
            HEAD + "WHERE organization_key = ? ORDER BY chain_number LIMIT 1 FOR UPDATE SKIP LOCKED";
    private static final String LOCK_HEAD = HEAD + "WHERE organization_key = ? AND chain_number = ? FOR UPDATE";
    private static final String CHAINS = "SELECT count(*) FROM audit_chain_heads WHERE organization_key = ?";
    // Waits for a concurrent first append of the same chain instead of failing on its key.
    private static final String CREATE_HEAD = "INSERT INTO audit_chain_heads (chain_id, organization_key, "
            + "chain_number, last_seq, last_id, last_hash) VALUES (?, ?, ?, 0, 0, ?) ON CONFLICT DO NOTHING";
    private static final String MOVE_HEAD =
            "UPDATE audit_chain_heads SET last_seq = ?, last_id = ?, last_hash = ? WHERE chain_id = ?";
    // PostgreSQL takes a free chain, links the row into it and appends it in one statement (one round trip
    // while the caller's transaction runs); it appends nothing when every chain of the organization is held.
    private static final String APPEND_TO_FREE_CHAIN = "WITH head AS (" + LOCK_FREE_HEAD + "), "
            + "moved AS (UPDATE audit_chain_heads h SET last_seq = head.last_seq + 1, last_id = ?, last_hash = "
            + ChainHash.SQL_LINK + " FROM head WHERE h.chain_id = head.chain_id "
            + "RETURNING h.chain_id, h.last_seq, h.last_hash, head.last_hash AS prev_hash) "
            + "INSERT INTO audit_log (id, occurred_at, organization_id, actor_id, actor_email, module, action, "
            + "target_type, target_id, before_json, after_json, ip_address, user_agent, correlation_id, visibility, "
            + "chain_id, chain_seq, prev_hash, hash) SELECT ?, CAST(? AS TIMESTAMPTZ), CAST(? AS UUID), "
            + "CAST(? AS UUID), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, chain_id, last_seq, prev_hash, last_hash FROM moved";
    // Ids are taken from the sequence in blocks of its increment: no round trip for most appends.
    private static final String NEXT_IDS = "SELECT nextval('audit_log_id_seq')";
    private static final int ID_BLOCK = 50;

    private final int maxChains;
    private final JdbcTemplate jdbc;
    private final AuditJson json;
    private final Clock clock;
    private final TransactionTemplate joining;
    private final TransactionTemplate separate;
    private final DatabaseProduct database;
    private long nextId;
    private long idLimit;

    JdbcAuditTrail(JdbcTemplate jdbc, AuditJson json, Clock clock, PlatformTransactionManager transactions,
                   AuditProperties properties) {
        this.maxChains = properties.chainsPerOrganization();
        this.jdbc = jdbc;
        this.database = new DatabaseProduct(jdbc);
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
        UUID organizationKey = AuditChains.keyOf(entry.organizationId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditRow row = new AuditRow(nextId(), now, entry.organizationId(), entry.actorId(),
                fit(entry.actorEmail(), 320), fit(entry.module(), 40), fit(entry.action(), 100),
                fit(entry.targetType(), 60), fit(entry.targetId(), 100), before, after,
                fit(origin.ipAddress(), 45), fit(origin.userAgent(), 500), fit(origin.correlationId(), 100),
                entry.visibility(), null, null, null, null);
        String contentHash = ChainHash.contentHash(row);
        if (database.postgres() && appendToFreeChain(organizationKey, row, contentHash)) {
            return;
        }
        Head head = lockHead(organizationKey);
        long seq = head.lastSeq() + 1;
        AuditRow linked = new AuditRow(row.id(), row.occurredAt(), row.organizationId(), row.actorId(),
                row.actorEmail(), row.module(), row.action(), row.targetType(), row.targetId(), row.beforeJson(),
                row.afterJson(), row.ipAddress(), row.userAgent(), row.correlationId(), row.visibility(),
                head.chainId(), seq, head.lastHash(), ChainHash.link(head.lastHash(), seq, contentHash));
        AuditRows.insert(jdbc, linked);
        jdbc.update(MOVE_HEAD, linked.chainSeq(), linked.id(), linked.hash(), linked.chainId());
    }

    private boolean appendToFreeChain(UUID organizationKey, AuditRow row, String contentHash) {
        return jdbc.update(APPEND_TO_FREE_CHAIN, organizationKey, row.id(), contentHash, row.id(),
                row.occurredAt().atOffset(ZoneOffset.UTC), row.organizationId(), row.actorId(), row.actorEmail(),
                row.module(), row.action(), row.targetType(), row.targetId(), row.beforeJson(), row.afterJson(),
                row.ipAddress(), row.userAgent(), row.correlationId(), row.visibility().name()) == 1;
    }

    private synchronized long nextId() {
        if (nextId == idLimit) {
            nextId = jdbc.queryForObject(NEXT_IDS, Long.class);
            idLimit = nextId + ID_BLOCK;
        }
        return nextId++;
    }

    private Head lockHead(UUID organizationKey) {
        List<Head> free = jdbc.query(LOCK_FREE_HEAD, JdbcAuditTrail::head, organizationKey);
        if (!free.isEmpty()) {
            return free.getFirst();
        }
        int chains = jdbc.queryForObject(CHAINS, Integer.class, organizationKey);
        if (chains >= maxChains) {
            // Every chain is busy: queue behind one of them.
            int number = ThreadLocalRandom.current().nextInt(maxChains);
            return jdbc.queryForObject(LOCK_HEAD, JdbcAuditTrail::head, organizationKey, number);
        }
        jdbc.update(CREATE_HEAD, AuditChains.chainId(organizationKey, chains), organizationKey, chains,
                ChainHash.GENESIS);
        return jdbc.queryForObject(LOCK_HEAD, JdbcAuditTrail::head, organizationKey, chains);
    }

    private static Head head(ResultSet rs, int rowNumber) throws SQLException {
        return new Head(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3));
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


    private record Head(UUID chainId, long lastSeq, String lastHash) {
    }
}

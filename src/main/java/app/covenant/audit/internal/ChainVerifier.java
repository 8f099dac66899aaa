package app.covenant.audit.internal;

import app.covenant.audit.AuditVerification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks every chain from its anchor to its head — first the global chain of the rows written before chains
 * per organization (V11), in id order, then each chain of {@code audit_chain_heads} in {@code chain_seq}
 * order — {@value #BATCH} rows at a time (keyset pagination: memory stays bounded at any table size),
 * recomputing each hash and link. Finally every row of the table must have been met in some chain, so a row
 * slipped in outside the chains (or a chain whose head was removed) shows too. One repeatable-read
 * transaction gives a consistent snapshot while others append or retention removes.
 */
@Service
class ChainVerifier implements AuditVerification {

    static final int BATCH = 1000;
    private static final int CHAINS_PER_QUERY = 500;

    private static final String LEGACY_ROWS = "SELECT " + AuditRow.COLUMNS
            + " FROM audit_log WHERE chain_id IS NULL AND id > ? AND id <= ? ORDER BY id LIMIT " + BATCH;
    private static final String CHAIN_ROWS = "SELECT " + AuditRow.COLUMNS
            + " FROM audit_log WHERE chain_id = ? AND chain_seq > ? AND chain_seq <= ? ORDER BY chain_seq LIMIT "
            + BATCH;
    private static final String CHAINS = "SELECT h.chain_id, h.organization_key, h.last_seq, h.last_id, h.last_hash, a.anchor_seq, "
            + "a.anchor_id, a.anchor_hash FROM audit_chain_heads h LEFT JOIN audit_chain_anchors a "
            + "ON a.chain_id = h.chain_id";
    private static final String UNCOVERED = "SELECT min(l.id) FROM audit_log l WHERE (l.chain_id IS NULL "
            + "AND (l.id <= ? OR l.id > ?)) OR (l.chain_id IS NOT NULL AND (NOT EXISTS (SELECT 1 FROM "
            + "audit_chain_heads h WHERE h.chain_id = l.chain_id AND l.chain_seq <= h.last_seq) OR EXISTS "
            + "(SELECT 1 FROM audit_chain_anchors a WHERE a.chain_id = l.chain_id AND l.chain_seq <= a.anchor_seq)))";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ChainVerifier(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Result verify() {
        Walk walk = new Walk();
        Link legacyAnchor = jdbc.queryForObject(
                "SELECT anchor_id, anchor_hash FROM audit_chain_anchor WHERE singleton = 1", ChainVerifier::link);
        Link legacyHead = jdbc.queryForObject(
                "SELECT last_id, last_hash FROM audit_chain_head WHERE singleton = 1", ChainVerifier::link);
        walk.anchored(legacyAnchor.id());
        Long broken = walkLegacy(legacyAnchor, legacyHead, walk);
        if (broken == null) {
            broken = walkChains(walk);
        }
        if (broken == null) {
            long rows = jdbc.queryForObject("SELECT count(*) FROM audit_log", Long.class);
            if (rows != walk.checked) {
                Long uncovered = jdbc.queryForObject(UNCOVERED, Long.class, legacyAnchor.id(), legacyHead.id());
                broken = uncovered == null ? 0L : uncovered;
            }
        }
        return new Result(broken == null, walk.checked, broken, walk.anchorId == 0 ? null : walk.anchorId,
                clock.instant(), walk.chains);
    }

    /** The global chain of the rows before V11: ids are gap-free from the anchor to the (now closed) head. */
    private Long walkLegacy(Link anchor, Link head, Walk walk) {
        if (head.id() > anchor.id()) {
            walk.chains++;
        }
        Link previous = anchor;
        List<AuditRow> batch;
        do {
            batch = jdbc.query(LEGACY_ROWS, AuditRows::map, previous.id(), head.id());
            for (AuditRow row : batch) {
                walk.checked++;
                boolean intact = row.id() == previous.id() + 1 && row.prevHash().equals(previous.hash())
                        && row.hash().equals(ChainHash.of(row));
                if (!intact) {
                    return row.id() == previous.id() + 1 ? row.id() : previous.id() + 1;
                }
                previous = new Link(row.id(), row.hash());
            }
        } while (batch.size() == BATCH);
        // Rows cut off the end (or a forged head) show as a chain that stops short of its head.
        if (previous.id() != head.id() || !previous.hash().equals(head.hash())) {
            return previous.id() != head.id() ? previous.id() + 1 : head.id();
        }
        return null;
    }

    private Long walkChains(Walk walk) {
        UUID after = null;
        List<Chain> chains;
        do {
            chains = after == null
                    ? jdbc.query(CHAINS + " ORDER BY h.chain_id LIMIT " + CHAINS_PER_QUERY, ChainVerifier::chain)
                    : jdbc.query(CHAINS + " WHERE h.chain_id > ? ORDER BY h.chain_id LIMIT " + CHAINS_PER_QUERY,
                    ChainVerifier::chain, after);
            for (Chain chain : chains) {
                walk.chains++;
                walk.anchored(chain.anchorId());
                Long broken = walkChain(chain, walk);
                if (broken != null) {
                    return broken;
                }
                after = chain.id();
            }
        } while (chains.size() == CHAINS_PER_QUERY);
        return null;
    }

    private Long walkChain(Chain chain, Walk walk) {
        long seq = chain.anchorSeq();
        String hash = chain.anchorHash();
        List<AuditRow> batch;
        do {
            batch = jdbc.query(CHAIN_ROWS, AuditRows::map, chain.id(), seq, chain.lastSeq());
            for (AuditRow row : batch) {
                walk.checked++;
                boolean intact = row.chainSeq() == seq + 1 && row.prevHash().equals(hash)
                        && chain.organizationKey().equals(AuditChains.keyOf(row.organizationId())) && row.hash().equals(ChainHash.of(row));
                if (!intact) {
                    return row.id();
                }
                seq = row.chainSeq();
                hash = row.hash();
            }
        } while (batch.size() == BATCH);
        if (seq != chain.lastSeq() || !hash.equals(chain.lastHash())) {
            return chain.lastId();
        }
        return null;
    }

    private static Link link(ResultSet rs, int rowNumber) throws SQLException {
        return new Link(rs.getLong(1), rs.getString(2));
    }

    private static Chain chain(ResultSet rs, int rowNumber) throws SQLException {
        String anchorHash = rs.getString("anchor_hash");
        return new Chain(rs.getObject("chain_id", UUID.class), rs.getObject("organization_key", UUID.class),
                rs.getLong("last_seq"), rs.getLong("last_id"),
                rs.getString("last_hash"), rs.getLong("anchor_seq"), rs.getLong("anchor_id"),
                anchorHash == null ? ChainHash.GENESIS : anchorHash);
    }

    private record Link(long id, String hash) {
    }

    private record Chain(UUID id, UUID organizationKey, long lastSeq, long lastId, String lastHash, long anchorSeq, long anchorId,
                         String anchorHash) {
    }

    /** What the walk has seen so far. */
    private static final class Walk {
        long checked;
        long chains;
        long anchorId;

        void anchored(long id) {
            anchorId = Math.max(anchorId, id);
        }
    }
}

package app.covenant.audit.internal;

import app.covenant.audit.AuditVerification;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chain from the anchor to the head in id order, {@value #BATCH} rows at a time (keyset
 * pagination: memory stays bounded at any table size), recomputing each hash and link. One
 * repeatable-read transaction gives a consistent snapshot while others append or retention removes.
 */
@Service
class ChainVerifier implements AuditVerification {

    static final int BATCH = 1000;

    private static final String ROWS_AFTER = "SELECT " + AuditRow.COLUMNS
            + " FROM audit_log WHERE id > ? AND id <= ? ORDER BY id LIMIT " + BATCH;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ChainVerifier(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Result verify() {
        Link anchor = jdbc.queryForObject("SELECT anchor_id, anchor_hash FROM audit_chain_anchor WHERE singleton = 1",
                (rs, n) -> new Link(rs.getLong(1), rs.getString(2)));
        Link head = jdbc.queryForObject("SELECT last_id, last_hash FROM audit_chain_head WHERE singleton = 1",
                (rs, n) -> new Link(rs.getLong(1), rs.getString(2)));
        Long anchorId = anchor.id() == 0 ? null : anchor.id();
        Link previous = anchor;
        long checked = 0;
        List<AuditRow> batch;
        do {
            batch = jdbc.query(ROWS_AFTER, AuditRows::map, previous.id(), head.id());
            for (AuditRow row : batch) {
                checked++;
                boolean intact = row.id() == previous.id() + 1 && row.prevHash().equals(previous.hash())
                        && row.hash().equals(ChainHash.of(row));
                if (!intact) {
                    return broken(checked, row.id() == previous.id() + 1 ? row.id() : previous.id() + 1, anchorId);
                }
                previous = new Link(row.id(), row.hash());
            }
        } while (batch.size() == BATCH);
        // Rows cut off the end (or a forged head) show as a chain that stops short of its head.
        if (previous.id() != head.id() || !previous.hash().equals(head.hash())) {
            return broken(checked, previous.id() != head.id() ? previous.id() + 1 : head.id(), anchorId);
        }
        return new Result(true, checked, null, anchorId, clock.instant());
    }

    private Result broken(long checked, long firstBrokenId, Long anchorId) {
        return new Result(false, checked, firstBrokenId, anchorId, clock.instant());
    }

    private record Link(long id, String hash) {
    }
}

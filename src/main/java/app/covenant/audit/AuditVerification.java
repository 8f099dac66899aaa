package app.covenant.audit;

import java.time.Instant;

/**
 * Recomputes every hash chain — one per organization, one for platform-wide entries, and the global chain of
 * the entries written before chains per organization — from its anchor (the last row removed by retention,
 * or the start) to its head, and says whether every row is as it was written and belongs to a chain.
 */
public interface AuditVerification {

    Result verify();

    /**
     * @param checked       rows recomputed
     * @param firstBrokenId the first row found whose hash or link does not match: after a removed row, the row
     *                      that follows it (in the old global chain, the missing id itself); for rows cut off
     *                      the end of a chain, the last id its head names; a row outside every chain; {@code null}
     *                      when valid
     * @param anchorId      the newest row removed by retention, after which the check started, {@code null} when
     *                      nothing was removed yet
     * @param chains        chains checked (the old global chain counts when it has rows)
     */
    record Result(boolean valid, long checked, Long firstBrokenId, Long anchorId, Instant verifiedAt, long chains) {
    }
}

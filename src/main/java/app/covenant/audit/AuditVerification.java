package app.covenant.audit;

import java.time.Instant;

/**
 * Recomputes the hash chain from its anchor (the last row removed by retention, or the start) to its
 * head and says whether every row is as it was written.
 */
public interface AuditVerification {

    Result verify();

    /**
     * @param checked       rows recomputed
     * @param firstBrokenId the first row whose hash or link does not match (or the first missing id),
     *                      {@code null} when valid
     * @param anchorId      the id the check started after, {@code null} when it started at the beginning
     */
    record Result(boolean valid, long checked, Long firstBrokenId, Long anchorId, Instant verifiedAt) {
    }
}

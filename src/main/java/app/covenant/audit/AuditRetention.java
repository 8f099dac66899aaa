package app.covenant.audit;

/**
 * Removes entries older than the retention period ({@code AUDIT_LOG_RETENTION_DAYS}), keeping the rest
 * verifiable. Runs daily as the job {@code audit-retention}; {@link #runNow()} is for an admin action.
 */
public interface AuditRetention {

    Result runNow();

    /** @param anchorId the newest removed id, where verification now starts ({@code null}: nothing removed yet) */
    record Result(long deleted, long durationMs, Long anchorId) {
    }
}

package app.covenant.audit;

/**
 * Writes audit entries. Joins the caller's transaction (an entry commits or rolls back with the
 * change it describes); without a transaction it writes in one of its own. The request's IP address,
 * user agent and correlation id are added automatically; secrets in before/after are redacted.
 */
public interface AuditTrail {

    void record(AuditEntry entry);
}

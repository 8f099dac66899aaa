package app.covenant.audit;

/** Who may read an entry: everyone with audit access, staff only, or the legal team only. */
public enum AuditVisibility {
    PUBLIC, INTERNAL, LEGAL_ONLY
}

package app.covenant.contracts;

/** API.md Approval {@code status}. */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED, REVISION_REQUESTED, ESCALATED
}

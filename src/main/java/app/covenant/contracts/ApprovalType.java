package app.covenant.contracts;

/** Who decides an approval: legal (with escalation to the head of legal) or finance. */
public enum ApprovalType {
    LEGAL, FINANCE
}

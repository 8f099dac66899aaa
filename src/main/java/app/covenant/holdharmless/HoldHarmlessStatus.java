package app.covenant.holdharmless;

/** The states of an agreement (INSURANCE.md); its status is separate from the certificate's and shown beside it. */
public enum HoldHarmlessStatus {
    PENDING_GENERATION, PENDING_SUB_SIGNATURE, PENDING_GC_SIGNATURE, COMPLETED, REJECTED, EXPIRED;

    /** Whether a signature is still awaited (a resend, the expiry job and the overdue count concern these). */
    public boolean awaitsSignature() {
        return this == PENDING_SUB_SIGNATURE || this == PENDING_GC_SIGNATURE;
    }
}

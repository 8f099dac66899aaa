package app.covenant.insurance;

/** Where a certificate of insurance stands in the workflow of INSURANCE.md (its state machine). */
public enum CoiStatus {
    /** Created; the sub must name its broker(s). */
    AWAITING_BROKER_INFO,
    /** The broker must upload the ACORD 25 and the policy documents. */
    AWAITING_BROKER_UPLOAD,
    /** The broker must attest (sign) the upload. */
    AWAITING_BROKER_SIGNATURE,
    /** A reviewer checks it against the requirement. */
    AWAITING_ADMIN_REVIEW,
    /** Rejected with deficiencies the broker or sub must fix. */
    DEFICIENCY_PENDING,
    /** Approved and in force. */
    ACTIVE,
    /** A required policy expired; renewal starts a new certificate. */
    EXPIRED
}

package app.covenant.insurance.certificates;

/**
 * What a caller may do to a certificate; {@code allowedActions} of the API lists those a caller may take now
 * (permission, state and relationship all allow it), so pages show exactly the buttons that will work.
 */
public enum CoiAction {
    BROKER_INFO,
    UPLOAD_DOCUMENT,
    EDIT_POLICIES,
    SUBMIT_UPLOAD,
    SIGN,
    REVIEW,
    OVERRIDE_FINDING,
    RESUBMIT,
    RENEW,
    USE_MASTER_CERTIFICATE
}

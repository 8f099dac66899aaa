package app.covenant.identity.internal;

/**
 * What became of an e-mailed link (invitation, password reset), so its page says at once whether it still
 * works and, if not, why.
 */
public enum LinkStatus {
    /** Works: the form is shown. */
    USABLE,
    /** Used already, or replaced by a newer link of the same kind. */
    USED,
    /** Its time ran out. */
    EXPIRED,
    /** Not a link we sent, or what it offered was withdrawn. */
    UNKNOWN
}

package app.covenant.notifications.internal;

/** Where e-mail goes ({@code EMAIL_PROVIDER}). */
public enum EmailProvider {
    /** Kept in the outbox as {@code PENDING}, readable in the admin UI, never sent: the embedded default. */
    OUTBOX,
    /** Sent through an SMTP server ({@code SMTP_*}). */
    SMTP
}

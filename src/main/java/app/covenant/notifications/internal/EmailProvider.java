package app.covenant.notifications.internal;

/** Where e-mail goes ({@code EMAIL_PROVIDER}). */
public enum EmailProvider {
    /** Kept in the outbox as {@code PENDING}, readable in the admin UI, never sent: the embedded default. */
    OUTBOX,
    /** Sent through an SMTP server ({@code SMTP_*}). */
    SMTP,
    /** Sent through SendGrid's v3 Mail Send API ({@code SENDGRID_*}). */
    SENDGRID,
    /** Sent through Amazon SES, API v2 ({@code AWS_SES_*}). */
    AWS_SES
}

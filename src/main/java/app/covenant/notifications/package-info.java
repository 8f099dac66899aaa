/**
 * Delivers the application's e-mail without losing any: a message is rendered and stored in the
 * {@code email_outbox} table inside the caller's transaction, sent right after that transaction
 * commits, and retried by a cluster-safe job until the provider accepts it or it is given up.
 *
 * <p>Unlike the module table in ARCHITECTURE.md, this module does not use {@code identity}: identity
 * sends its invitations and password resets through {@link app.covenant.notifications.EmailOutbox},
 * so depending on it would make a cycle.
 *
 * <p>It also keeps in-app notifications (the bell) with per-user preferences per
 * {@link app.covenant.notifications.NotificationType}, written through {@link app.covenant.notifications.Notifier}.
 * For the same reason as above, who may be told is answered through
 * {@link app.covenant.notifications.NotificationRecipients} (declared here, implemented by identity), and
 * identity turns its own facts ({@code InvitationAccepted}) into notifications with a listener of its own.
 *
 * <p>Its tables hold no aggregates: outbox messages and notifications are inserted, then moved by guarded or
 * bulk statements, and preferences are upserted, so none has a JPA entity. All are reached through
 * JdbcTemplate ({@code OutboxRows}, {@code InAppNotificationRows} and classes named after their job; see
 * docs/persistence.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform", "platform :: ui", "platform :: http", "platform :: config", "platform :: jobs",
        "platform :: modules", "audit"})
package app.covenant.notifications;

package app.covenant.notifications;

import java.util.UUID;

/**
 * The durable e-mail outbox: the only way modules send e-mail.
 *
 * <p>{@link #enqueue} renders the message at once and writes it in the caller's transaction, so the
 * message exists exactly when the business change that caused it exists: a rollback loses it, a commit
 * keeps it. After the commit it is delivered in the background (the caller never waits on, or sees an
 * error from, the e-mail provider) and retried with backoff until it is sent, or given up after
 * {@code EMAIL_MAX_ATTEMPTS} (then an administrator can retry it from the outbox page).
 */
public interface EmailOutbox {

    /**
     * Renders and stores {@code email} as part of the current transaction.
     *
     * @return the id of the stored message (the {@code email_outbox} row)
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active:
     *         call it from a {@code @Transactional} method of your module's API
     * @throws IllegalArgumentException when the template does not exist or a link is not a path of this
     *         application: a programming error, thrown inside the caller's transaction, which it marks rollback-only
     */
    UUID enqueue(OutgoingEmail email);

    /** Stand-in until the bulk path lands (outbox branch). */
    default int enqueueAll(java.util.List<OutgoingEmail> emails) {
        emails.forEach(this::enqueue);
        return emails.size();
    }
}

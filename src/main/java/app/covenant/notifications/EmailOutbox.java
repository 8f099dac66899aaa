package app.covenant.notifications;

import java.util.List;
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

    /**
     * Stores every message of {@code emails} as part of the current transaction, to be rendered when it is sent:
     * for fan-outs of thousands (a daily digest run), where rendering each at once would take seconds. Ordinary
     * e-mail keeps using {@link #enqueue}.
     *
     * <p>Each message is checked now, as {@link #enqueue} checks it: the template exists, links are paths of this
     * application, no reserved model key. Its model is prepared now (links made absolute, times written out) and
     * stored as JSON, so its values must read back from JSON unchanged: text, whole numbers, {@code BigDecimal}s,
     * booleans, {@code null}s, and lists and maps of those; instants and dates only as top-level values. The
     * message is rendered by the sender job, which also sends it: there is no immediate delivery after the
     * commit, so bulk messages leave within one sender interval ({@code covenant.notifications.delivery.interval}).
     * A message that cannot be rendered then is given up at once and shows as failed in the outbox.
     *
     * @return how many messages were stored: {@code emails.size()}; {@code 0} for an empty list, which touches
     *         nothing
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active
     * @throws IllegalArgumentException when a message fails a check: a programming error, thrown inside the
     *         caller's transaction, which it marks rollback-only, so none of the batch is stored
     */
    int enqueueAll(List<OutgoingEmail> emails);
}

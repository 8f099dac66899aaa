package app.covenant.notifications;

import java.util.Collection;
import java.util.UUID;

/**
 * Tells users of something that happened, in the caller's transaction: for each recipient who is an
 * active member of the notice's organization, a row under the bell (unless they switched the type
 * off in the app) and an e-mail through the {@link EmailOutbox} (if they want this type by e-mail).
 * Set-based: one query for the recipients (and one for who was told already, for a notice with a once-key),
 * one for their preferences, one batched insert of the in-app rows.
 */
public interface Notifier {

    /**
     * @return how many in-app notifications were written
     * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
     * @throws IllegalArgumentException for an unknown type: a programming error
     */
    int notify(Collection<UUID> userIds, Notice notice);
}

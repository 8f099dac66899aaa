package app.covenant.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims batches of due messages for the sender job. Rows are locked with {@code FOR UPDATE SKIP LOCKED}
 * and stamped with a token and a lease in one short transaction, so two nodes (or the job and the
 * after-commit path) never take the same message, and a sender never queues behind another's rows.
 */
@Component
class OutboxClaims {

    private final OutboxMessageRepository repository;
    private final int batchSize;
    private final Duration lease;

    OutboxClaims(OutboxMessageRepository repository, NotificationsProperties properties) {
        this.repository = repository;
        this.batchSize = properties.delivery().batchSize();
        this.lease = properties.delivery().claimLease();
    }

    /**
     * @return the messages claimed with {@code token}, at most one batch, empty when nothing is due. Their
     *         content and attempt count are current; their claim fields are not (set by a bulk update).
     */
    @Transactional
    public List<OutboxMessage> claimDue(UUID token, Instant now) {
        List<OutboxMessage> due = repository.lockDue(now, batchSize);
        if (!due.isEmpty()) {
            repository.claimLocked(due.stream().map(OutboxMessage::getId).toList(), token, now.plus(lease));
        }
        return due;
    }

    /** Gives back what this claim has not sent yet, due at once, without counting an attempt. */
    @Transactional
    public void release(UUID token, Instant now) {
        repository.release(token, now);
    }
}

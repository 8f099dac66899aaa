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

    private final OutboxRows rows;
    private final int batchSize;
    private final Duration lease;

    OutboxClaims(OutboxRows rows, NotificationsProperties properties) {
        this.rows = rows;
        this.batchSize = properties.delivery().batchSize();
        this.lease = properties.delivery().claimLease();
    }

    /**
     * @return the messages claimed with {@code token}, at most one batch, empty when nothing is due. Their
     *         content and attempt count are current.
     */
    @Transactional
    public List<OutboxMessage> claimDue(UUID token, Instant now) {
        List<OutboxMessage> due = rows.lockDue(now, batchSize);
        if (!due.isEmpty()) {
            rows.claimLocked(due.stream().map(OutboxMessage::id).toList(), token, now.plus(lease));
        }
        return due;
    }

    /** Gives back what this claim has not sent yet, due at once, without counting an attempt. */
    @Transactional
    public void release(UUID token, Instant now) {
        rows.release(token, now);
    }
}

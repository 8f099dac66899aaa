package app.covenant.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims batches of due messages for the sender job. Rows are locked with {@code FOR UPDATE SKIP LOCKED}
 * and stamped with a token and a lease in one short transaction, so two nodes (or the job and the
 * after-commit path) never take the same message, and neither waits on the other.
 */
@Component
class OutboxClaims {

    private final OutboxMessageRepository repository;
    private final OutboxDelivery delivery;
    private final int batchSize;

    OutboxClaims(OutboxMessageRepository repository, OutboxDelivery delivery, NotificationsProperties properties) {
        this.repository = repository;
        this.delivery = delivery;
        this.batchSize = properties.delivery().batchSize();
    }

    /** @return the ids claimed with {@code token}, at most one batch; empty when nothing is due */
    @Transactional
    public List<UUID> claimDue(UUID token, Instant now) {
        List<UUID> ids = repository.lockDue(now, batchSize);
        if (!ids.isEmpty()) {
            repository.claimLocked(ids, token, delivery.leaseEnd(now));
        }
        return ids;
    }

    /** Gives back what this claim has not sent yet, due at once, without counting an attempt. */
    @Transactional
    public void release(UUID token, Instant now) {
        repository.release(token, now);
    }
}

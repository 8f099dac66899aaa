package app.covenant.notifications.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a transaction's messages as soon as it commits, on a virtual thread, so a user gets the e-mail
 * in seconds while the request never waits on the provider. Best effort by design: whatever this path
 * does not send (rollback of nothing, busy, provider down, node stopping) the sender job sends.
 *
 * <p>A plain transaction synchronization rather than a {@code @TransactionalEventListener}: Spring
 * Modulith would record such an event in its publication registry, a second durable copy of what the
 * outbox row already guarantees.
 */
@Component
class AfterCommitDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AfterCommitDelivery.class);
    private static final long SHUTDOWN_GRACE_MILLIS = 10_000;

    private final OutboxDelivery delivery;
    private final Semaphore running;
    private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("email-after-commit-");

    AfterCommitDelivery(OutboxDelivery delivery, NotificationsProperties properties) {
        this.delivery = delivery;
        this.running = new Semaphore(properties.delivery().immediateConcurrency());
        executor.setVirtualThreads(true);
        executor.setTaskTerminationTimeout(SHUTDOWN_GRACE_MILLIS);
    }

    /** Must be called inside the transaction that wrote the message. */
    void deliverAfterCommit(UUID id) {
        if (!delivery.isEnabled() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        // One synchronization per transaction, however many messages it writes: one thread sends them all.
        TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(PendingDeliveries.class::isInstance).map(PendingDeliveries.class::cast).findFirst()
                .orElseGet(this::register)
                .ids.add(id);
    }

    private PendingDeliveries register() {
        PendingDeliveries pending = new PendingDeliveries();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    private void start(List<UUID> ids) {
        if (!running.tryAcquire()) {
            log.debug("{} e-mail(s) left to the sender job: immediate delivery is busy", ids.size());
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    deliverInOrder(ids);
                } finally {
                    running.release();
                }
            });
        } catch (TaskRejectedException e) {
            running.release();
        }
    }

    private void deliverInOrder(List<UUID> ids) {
        for (UUID id : ids) {
            try {
                if (delivery.deliverIfDue(id) == OutboxDelivery.Outcome.RETRY_LATER) {
                    // The provider looks down: leave the rest due for the job rather than fail each one now.
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("Immediate delivery stopped at e-mail {}; the sender job will send it: {}", id,
                        OutboxDelivery.describe(e));
                return;
            }
        }
    }

    @Override
    public void destroy() {
        executor.close();
    }

    private final class PendingDeliveries implements TransactionSynchronization {

        private final List<UUID> ids = new ArrayList<>();

        @Override
        public void afterCommit() {
            start(List.copyOf(ids));
        }
    }
}

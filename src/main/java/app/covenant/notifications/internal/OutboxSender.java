package app.covenant.notifications.internal;

import java.time.Clock;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The body of the {@code email-outbox-sender} job: sends every due message, batch by batch, and logs
 * one completion line with counts. Safe to run on several nodes at once (see {@link OutboxClaims}).
 */
@Component
class OutboxSender {

    record RunSummary(int sent, int failed, long pending) {
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    // Bounds one run; whatever is left is due again at the next run, one interval later.
    private static final int MAX_BATCHES_PER_RUN = 20;
    // A provider that refused this many messages in a row is down: stop hammering it until the next run.
    private static final int FAILURES_BEFORE_PAUSE = 3;

    private final OutboxClaims claims;
    private final OutboxDelivery delivery;
    private final OutboxRows rows;
    private final Clock clock;
    private final int concurrency;

    OutboxSender(OutboxClaims claims, OutboxDelivery delivery, OutboxRows rows, Clock clock,
                 NotificationsProperties properties) {
        this.claims = claims;
        this.delivery = delivery;
        this.rows = rows;
        this.clock = clock;
        this.concurrency = properties.delivery().concurrency();
    }

    RunSummary sendDue() {
        long started = System.nanoTime();
        Counts counts = new Counts();
        for (int batch = 0; delivery.isEnabled() && batch < MAX_BATCHES_PER_RUN && !counts.paused(); batch++) {
            UUID token = UUID.randomUUID();
            List<OutboxMessage> claimed = claims.claimDue(token, clock.instant());
            if (claimed.isEmpty()) {
                break;
            }
            Queue<OutboxMessage> queue = new ConcurrentLinkedQueue<>(claimed);
            // Until the provider has accepted a message in this run, one at a time: a provider that is down
            // then sees exactly FAILURES_BEFORE_PAUSE attempts. Once it accepts, several at once.
            while (!counts.healthy() && !counts.paused() && !queue.isEmpty()) {
                deliver(queue.poll(), token, counts);
            }
            if (counts.healthy() && queue.size() > 1 && concurrency > 1) {
                deliverConcurrently(queue, token, counts);
            }
            while (!counts.paused() && !queue.isEmpty()) {
                deliver(queue.poll(), token, counts);
            }
            if (!queue.isEmpty()) {
                // Only after every delivery of this batch has finished: nothing released is still being sent.
                claims.release(token, clock.instant());
            }
        }
        RunSummary summary = new RunSummary(counts.sent.get(), counts.failed.get(), rows.countPending());
        logCompletion(summary, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return summary;
    }

    /**
     * Each message still commits its own outcome right after it is sent (what keeps a crash from
     * resending more than the one in flight); running a few at once overlaps those commits and the
     * provider's round trips, which is where a sequential sender spends most of its time.
     */
    private void deliverConcurrently(Queue<OutboxMessage> queue, UUID token, Counts counts) {
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < Math.min(concurrency, queue.size()); i++) {
                workers.execute(() -> {
                    for (OutboxMessage message = nextUnlessPaused(queue, counts); message != null; message = nextUnlessPaused(queue, counts)) {
                        deliver(message, token, counts);
                    }
                });
            }
        }
    }

    private static OutboxMessage nextUnlessPaused(Queue<OutboxMessage> queue, Counts counts) {
        return counts.paused() ? null : queue.poll();
    }

    private void deliver(OutboxMessage message, UUID token, Counts counts) {
        OutboxDelivery.Outcome outcome;
        try {
            outcome = delivery.deliver(message, token);
        } catch (RuntimeException e) {
            // Recording the outcome failed (the database): the claim's lease runs out and the message is due again.
            log.warn("E-mail {} left to a later run: {}", message.id(), OutboxDelivery.describe(e));
            counts.failedInARow.incrementAndGet();
            return;
        }
        switch (outcome) {
            case SENT -> {
                counts.sent.incrementAndGet();
                counts.failedInARow.set(0);
                counts.accepted = true;
            }
            case RETRY_LATER -> {
                counts.failed.incrementAndGet();
                counts.failedInARow.incrementAndGet();
            }
            case GAVE_UP -> counts.failed.incrementAndGet();
            case NOT_CLAIMED -> { }
        }
    }

    /** What one run has done so far; shared by the batch's workers. */
    private static final class Counts {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger failedInARow = new AtomicInteger();
        volatile boolean accepted;

        boolean paused() {
            return failedInARow.get() >= FAILURES_BEFORE_PAUSE;
        }

        boolean healthy() {
            return accepted && failedInARow.get() == 0;
        }
    }

    private void logCompletion(RunSummary summary, long millis) {
        String line = "Outbox run completed: sent={}, failed={}, pending={} in {} ms";
        // Idle runs every 30 s would drown the log; they stay visible at DEBUG.
        if (summary.sent() > 0 || summary.failed() > 0) {
            log.info(line, summary.sent(), summary.failed(), summary.pending(), millis);
        } else {
            log.debug(line, summary.sent(), summary.failed(), summary.pending(), millis);
        }
    }
}

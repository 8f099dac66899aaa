package app.covenant.notifications.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
    // Bounds one run; whatever is left is due again at the next run, seconds later.
    private static final int MAX_BATCHES_PER_RUN = 20;
    // A provider that refused this many messages in a row is down: stop hammering it until the next run.
    private static final int FAILURES_BEFORE_PAUSE = 3;

    private final OutboxClaims claims;
    private final OutboxDelivery delivery;
    private final OutboxMessageRepository repository;
    private final Clock clock;

    OutboxSender(OutboxClaims claims, OutboxDelivery delivery, OutboxMessageRepository repository, Clock clock) {
        this.claims = claims;
        this.delivery = delivery;
        this.repository = repository;
        this.clock = clock;
    }

    RunSummary sendDue() {
        long started = System.nanoTime();
        int sent = 0;
        int failed = 0;
        int failedInARow = 0;
        for (int batch = 0; delivery.isEnabled() && batch < MAX_BATCHES_PER_RUN && failedInARow < FAILURES_BEFORE_PAUSE; batch++) {
            UUID token = UUID.randomUUID();
            List<OutboxMessage> claimed = claims.claimDue(token, clock.instant());
            if (claimed.isEmpty()) {
                break;
            }
            for (OutboxMessage message : claimed) {
                if (failedInARow >= FAILURES_BEFORE_PAUSE) {
                    claims.release(token, clock.instant());
                    break;
                }
                switch (delivery.deliver(message, token)) {
                    case SENT -> {
                        sent++;
                        failedInARow = 0;
                    }
                    case RETRY_LATER -> {
                        failed++;
                        failedInARow++;
                    }
                    case GAVE_UP -> failed++;
                    case NOT_CLAIMED -> { }
                }
            }
        }
        RunSummary summary = new RunSummary(sent, failed, repository.countByStatus(OutboxStatus.PENDING));
        logCompletion(summary, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return summary;
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

package app.covenant.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a message again: the first retry after {@code firstDelay}, each further one twice as
 * late, never more than {@code maxDelay} apart; after {@code maxAttempts} attempts it is given up.
 * A provider that is down for hours therefore gets a retry every {@code maxDelay}, not a flood.
 */
record RetrySchedule(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    // 2^20 times any sensible first delay is far beyond any sensible cap; also keeps the shift from overflowing.
    private static final int MAX_DOUBLINGS = 20;

    static RetrySchedule of(NotificationsProperties.Delivery delivery) {
        return new RetrySchedule(delivery.maxAttempts(), delivery.firstRetryDelay(), delivery.maxRetryDelay());
    }

    /**
     * @param attempts how many attempts have failed, counting the one that just did
     * @return when to try again, or empty when the message is to be given up
     */
    Optional<Instant> nextAttempt(int attempts, Instant failedAt) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(delayAfter(attempts)));
    }

    Duration delayAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts, 1) - 1, MAX_DOUBLINGS);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}

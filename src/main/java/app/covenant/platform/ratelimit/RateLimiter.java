package app.covenant.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes requests from buckets and fails open: when the store (Redis) is down, requests pass
 * unlimited rather than the whole site going down with it — with a warning at most once a minute.
 */
final class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    private final BucketStore store;
    private final Clock clock;
    private final AtomicLong lastWarningMillis = new AtomicLong(Long.MIN_VALUE);

    RateLimiter(BucketStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The verdict, or empty when it cannot be known right now (the request then passes). */
    Optional<Verdict> consume(String key, Limit limit) {
        try {
            return Optional.of(Verdict.of(limit, store.tryConsume(key, limit.configuration())));
        } catch (RuntimeException e) {
            warn(e);
            return Optional.empty();
        }
    }

    private void warn(RuntimeException e) {
        long now = clock.millis();
        long last = lastWarningMillis.get();
        if ((last == Long.MIN_VALUE || now - last >= WARNING_INTERVAL.toMillis())
                && lastWarningMillis.compareAndSet(last, now)) {
            log.warn("Rate limits are not enforced: their store failed ({}). Requests pass unlimited until it "
                    + "recovers; this warning repeats at most once a minute.", e.toString());
        }
    }
}

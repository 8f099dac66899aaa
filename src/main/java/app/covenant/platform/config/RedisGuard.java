package app.covenant.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps requests from waiting on a Redis that does not answer (SECURITY.md: Redis is a shortcut, never
 * the source of truth). A failed command marks Redis unavailable for {@code REDIS_RETRY_AFTER}: meanwhile
 * every call takes its fallback at once, without touching Redis; afterwards one caller tries again while
 * the others keep falling back, and the first success puts Redis back in use — no restart needed.
 */
public class RedisGuard {

    /** What {@code /health/readiness} and the status page say about Redis. */
    public enum State { OFF, CONNECTED, DEGRADED }

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    private final boolean enabled;
    private final Duration retryAfter;
    private final Clock clock;
    private final AtomicBoolean trying = new AtomicBoolean();
    // 0 while Redis answers; otherwise the epoch millisecond before which nobody asks it.
    private volatile long unavailableUntil;

    public RedisGuard(boolean enabled, Duration retryAfter, Clock clock) {
        this.enabled = enabled;
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    /** Guards for a node without Redis: every call takes its fallback. */
    public static RedisGuard off(Clock clock) {
        return new RedisGuard(false, Duration.ZERO, clock);
    }

    /** The command's answer, or the fallback's when Redis is unavailable or the command fails. */
    public <T> T call(Supplier<T> command, Supplier<T> fallback) {
        if (!enabled) {
            return fallback.get();
        }
        long until = unavailableUntil;
        boolean retrying = until != 0;
        if (retrying && (clock.millis() < until || !trying.compareAndSet(false, true))) {
            return fallback.get();
        }
        try {
            T answer = command.get();
            if (retrying) {
                unavailableUntil = 0;
                log.info("Redis answers again: shared lockout counters, revocation cache and rate limits are back.");
            }
            return answer;
        } catch (RuntimeException failure) {
            markUnavailable(failure, retrying);
            return fallback.get();
        } finally {
            if (retrying) {
                trying.set(false);
            }
        }
    }

    /** Runs a command whose only purpose is Redis (a cache write); skipped while Redis is unavailable. */
    public void run(Runnable command) {
        call(() -> {
            command.run();
            return null;
        }, () -> null);
    }

    /**
     * The state, after asking Redis with {@code ping} when it is due to be asked — so a probe pays the
     * command timeout at most once per retry period while Redis is down.
     */
    public State check(Supplier<Boolean> ping) {
        if (!enabled) {
            return State.OFF;
        }
        return call(ping, () -> false) ? State.CONNECTED : State.DEGRADED;
    }

    private void markUnavailable(RuntimeException failure, boolean alreadyUnavailable) {
        unavailableUntil = clock.millis() + Math.max(1, retryAfter.toMillis());
        if (!alreadyUnavailable) {
            log.warn("Redis does not answer ({}): lockout counters fall back to this node's memory, revocations to "
                    + "the database, rate limits are not enforced. Trying Redis again every {} s.",
                    failure.toString(), retryAfter.toSeconds());
        }
    }
}

package app.covenant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A Redis that failed is left alone for the retry period, then tried by one caller, and used again once it answers. */
class RedisGuardTest {

    private final MovableClock clock = new MovableClock();
    private final RedisGuard guard = new RedisGuard(true, Duration.ofSeconds(10), clock);
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void aFailureSkipsRedisForTheRetryPeriodThenRedisIsTriedAgain() {
        assertThat(guard.call(this::fail, () -> "fallback")).isEqualTo("fallback");
        assertThat(calls).hasValue(1);

        clock.advance(Duration.ofSeconds(9));
        assertThat(guard.call(this::answer, () -> "fallback")).isEqualTo("fallback");
        assertThat(calls).as("not asked during the retry period").hasValue(1);
        assertThat(guard.check(() -> true)).isEqualTo(RedisGuard.State.DEGRADED);

        clock.advance(Duration.ofSeconds(1));
        assertThat(guard.call(this::fail, () -> "fallback")).isEqualTo("fallback");
        assertThat(calls).as("tried again after the period").hasValue(2);
        assertThat(guard.call(this::answer, () -> "fallback")).as("a new period began").isEqualTo("fallback");

        clock.advance(Duration.ofSeconds(10));
        assertThat(guard.call(this::answer, () -> "fallback")).isEqualTo("redis");
        assertThat(guard.call(this::answer, () -> "fallback")).as("in use again").isEqualTo("redis");
        assertThat(guard.check(() -> true)).isEqualTo(RedisGuard.State.CONNECTED);
    }

    @Test
    void withoutRedisEveryCallTakesItsFallback() {
        RedisGuard off = RedisGuard.off(clock);

        assertThat(off.call(this::answer, () -> "fallback")).isEqualTo("fallback");
        assertThat(off.check(() -> true)).isEqualTo(RedisGuard.State.OFF);
        assertThat(calls).hasValue(0);
    }

    private String answer() {
        calls.incrementAndGet();
        return "redis";
    }

    private String fail() {
        calls.incrementAndGet();
        throw new IllegalStateException("Redis does not answer");
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-06T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

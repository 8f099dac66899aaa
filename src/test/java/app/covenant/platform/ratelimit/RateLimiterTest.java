package app.covenant.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Buckets in memory, on a clock the test moves. */
class RateLimiterTest {

    final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    final RateLimiter limiter = new RateLimiter(new LocalBucketStore(1000, new ClockTimeMeter(clock)), clock);
    final Limit threePerMinute = Limit.perMinute(3);

    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(RateLimiter.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void allowsTheLimitThenRefusesWithTheWaitInWholeSeconds() {
        assertThat(consume("k")).isEqualTo(new Verdict(true, 3, 2, 20, 0));
        assertThat(consume("k")).isEqualTo(new Verdict(true, 3, 1, 40, 0));
        assertThat(consume("k")).isEqualTo(new Verdict(true, 3, 0, 60, 0));

        Verdict refused = consume("k");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(20); // 3 per minute come back one every 20 s
        assertThat(consume("other").allowed()).as("another key has its own bucket").isTrue();
    }

    @Test
    void refillsEvenlyOverTheMinute() {
        for (int i = 0; i < 3; i++) {
            consume("k");
        }
        clock.advance(Duration.ofSeconds(19));
        Verdict early = consume("k");
        assertThat(early.allowed()).isFalse();
        assertThat(early.retryAfterSeconds()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(consume("k").allowed()).isTrue();
        assertThat(consume("k").allowed()).isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(consume("k")).isEqualTo(new Verdict(true, 3, 2, 20, 0));
    }

    @Test
    void aFailingStoreLetsRequestsThroughAndWarnsAtMostOnceAMinute() {
        RateLimiter broken = new RateLimiter((key, configuration) -> {
            throw new IllegalStateException("Redis is down");
        }, clock);

        assertThat(broken.consume("k", threePerMinute)).isEmpty();
        assertThat(broken.consume("k", threePerMinute)).isEmpty();
        clock.advance(Duration.ofSeconds(59));
        assertThat(broken.consume("k", threePerMinute)).isEmpty();
        assertThat(warnings()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(broken.consume("k", threePerMinute)).isEmpty();
        assertThat(warnings()).isEqualTo(2);
        assertThat(log.list.getFirst().getFormattedMessage()).contains("Redis is down");
    }

    private long warnings() {
        return log.list.stream().filter(event -> event.getLevel() == Level.WARN).count();
    }

    private Verdict consume(String key) {
        Optional<Verdict> verdict = limiter.consume(key, threePerMinute);
        assertThat(verdict).isPresent();
        return verdict.get();
    }
}

package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryScheduleTest {

    private static final RetrySchedule DEFAULTS = new RetrySchedule(10, Duration.ofMinutes(1), Duration.ofHours(1));
    private static final Instant FAILED_AT = Instant.parse("2026-11-22T10:00:00Z");

    @ParameterizedTest(name = "after {0} failed attempt(s), wait {1} min")
    @CsvSource({"1, 1", "2, 2", "3, 4", "4, 8", "5, 16", "6, 32", "7, 60", "8, 60", "9, 60"})
    void doublesTheWaitUpToOneHour(int attempts, long minutes) {
        assertThat(DEFAULTS.nextAttempt(attempts, FAILED_AT)).contains(FAILED_AT.plus(Duration.ofMinutes(minutes)));
    }

    @Test
    void givesUpAtTheLastAllowedAttempt() {
        assertThat(DEFAULTS.nextAttempt(10, FAILED_AT)).isEmpty();
        assertThat(DEFAULTS.nextAttempt(11, FAILED_AT)).isEmpty();
    }

    @Test
    void neverOverflowsWithAGenerousAttemptLimit() {
        RetrySchedule patient = new RetrySchedule(1000, Duration.ofMinutes(1), Duration.ofHours(1));

        assertThat(patient.delayAfter(999)).isEqualTo(Duration.ofHours(1));
    }
}

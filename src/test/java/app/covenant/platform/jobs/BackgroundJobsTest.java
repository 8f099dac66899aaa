package app.covenant.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Cron schedules come from configuration, in the configured zone, and a bad one stops the start by name. */
class BackgroundJobsTest {

    @Test
    void aCronIsReadInTheConfiguredTimeZone() {
        BackgroundJobs jobs = jobs(ZoneId.of("America/New_York"));

        Schedule daily = jobs.schedule("audit-retention", "0 30 3 * * *");

        // 03:30 in New York on 2 December 2026 (EST, UTC-5) is 08:30 UTC.
        assertThat(daily.getNextExecutionTime(ExecutionComplete.simulatedSuccess(Instant.parse("2026-12-02T01:00:00Z"))))
                .isEqualTo(Instant.parse("2026-12-02T08:30:00Z"));
        assertThat(jobs(ZoneId.of("UTC")).schedule("audit-retention", "0 30 3 * * *")
                .getNextExecutionTime(ExecutionComplete.simulatedSuccess(Instant.parse("2026-12-02T01:00:00Z"))))
                .isEqualTo(Instant.parse("2026-12-02T03:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 30 3 * *", "every day", "0 61 3 * * *", "0 30 3 * * * * *"})
    void anInvalidCronFailsNamingTheJobAndTheExpression(String cron) {
        assertThatThrownBy(() -> jobs(ZoneId.of("UTC")).cron(new Job("audit-retention", "Audit log retention", "Deletes old entries."), cron, () -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audit-retention")
                .hasMessageContaining("'" + cron + "'")
                .hasMessageContaining("second minute hour day month weekday");
    }

    @Test
    void retriesNeedAnAttemptAndAGrowingDelay() {
        assertThatThrownBy(() -> new BackgroundJobs.Retries(0, Duration.ofSeconds(1), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackgroundJobs.Retries(3, Duration.ofSeconds(1), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new BackgroundJobs.Retries(1, Duration.ZERO, 1).maxAttempts()).isOne();
    }

    @Test
    void anErrorSummaryIsOneLineAndShort() {
        String summary = JobRunRecorder.summary(new IllegalStateException("first line\nsecond line " + "x".repeat(900)));
        assertThat(summary).isEqualTo("IllegalStateException: first line");
        assertThat(JobRunRecorder.summary(new IllegalStateException("y".repeat(900)))).hasSize(500).endsWith("…");
        assertThat(JobRunRecorder.summary(new NullPointerException())).isEqualTo("NullPointerException");
    }

    private static BackgroundJobs jobs(ZoneId zone) {
        JobsProperties properties = new JobsProperties(zone, 30, "0 45 3 * * *", "0 5 * * * *",
                new JobsProperties.EventPublications("0 */5 * * * *", Duration.ofMinutes(10), Duration.ofDays(7)));
        return new BackgroundJobs(properties, new StaticListableBeanFactory().getBeanProvider(
                com.github.kagkarlsson.scheduler.Scheduler.class));
    }
}

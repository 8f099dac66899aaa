package app.covenant.platform.jobs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the background jobs ({@code covenant.jobs.*}). Cron expressions are Spring cron with
 * seconds ({@code second minute hour day month weekday}); an invalid one stops the start naming the job.
 *
 * @param timeZone             the zone every cron job is read in ({@code JOBS_TIME_ZONE})
 * @param runRetentionDays     recorded runs older than this are deleted ({@code JOB_RUNS_RETENTION_DAYS})
 * @param runPurgeCron         when {@code job-runs-purge} runs ({@code JOB_RUNS_PURGE_CRON})
 * @param idempotencyPurgeCron when {@code idempotency-key-purge} runs ({@code IDEMPOTENCY_PURGE_CRON})
 * @param eventPublications    the {@code modulith-event-publications} job
 */
@Validated
@ConfigurationProperties("covenant.jobs")
public record JobsProperties(
        @NotNull @DefaultValue("UTC") ZoneId timeZone,
        @Min(1) @DefaultValue("30") int runRetentionDays,
        @NotBlank @DefaultValue("0 45 3 * * *") String runPurgeCron,
        @NotBlank @DefaultValue("0 5 * * * *") String idempotencyPurgeCron,
        @Valid @NotNull @DefaultValue EventPublications eventPublications) {

    /**
     * Spring Modulith's event publications: a listener that failed, or whose node stopped, leaves its
     * publication incomplete; the job hands it to the listener again and deletes completed ones.
     *
     * @param cron               when the job runs ({@code EVENT_PUBLICATIONS_CRON})
     * @param resubmitAfter      incomplete publications older than this are resubmitted; longer than the
     *                           slowest listener, so one still running is left alone
     *                           ({@code EVENT_PUBLICATIONS_RESUBMIT_AFTER})
     * @param completedRetention completed publications older than this are deleted
     *                           ({@code EVENT_PUBLICATIONS_RETENTION})
     */
    public record EventPublications(
            @NotBlank @DefaultValue("0 */5 * * * *") String cron,
            @NotNull @DefaultValue("10m") Duration resubmitAfter,
            @NotNull @DefaultValue("7d") Duration completedRetention) {
    }
}

package app.covenant.platform.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The jobs that keep the job machinery itself tidy: run history retention and module events. */
@Configuration(proxyBeanMethods = false)
class PlatformJobs {

    static final String RUN_PURGE = "job-runs-purge";
    static final String EVENT_PUBLICATIONS = "modulith-event-publications";

    @Bean(RUN_PURGE)
    RecurringTask<Void> jobRunsPurgeTask(BackgroundJobs jobs, JobsProperties properties, JobRuns runs, Clock clock) {
        Job job = new Job(RUN_PURGE, "Job history cleanup",
                "Deletes recorded job runs older than the retention period (JOB_RUNS_RETENTION_DAYS).");
        return jobs.cron(job, properties.runPurgeCron(), () -> JobRun.count("deleted",
                runs.deleteStartedBefore(clock.instant().minus(Duration.ofDays(properties.runRetentionDays())))));
    }

    @Bean(EVENT_PUBLICATIONS)
    RecurringTask<Void> eventPublicationsTask(BackgroundJobs jobs, JobsProperties properties,
                                              EventPublicationMaintenance maintenance) {
        JobsProperties.EventPublications settings = properties.eventPublications();
        Job job = new Job(EVENT_PUBLICATIONS, "Module event retries",
                "Hands module events whose handling did not finish to their listeners again, and deletes completed ones.");
        return jobs.cron(job, settings.cron(),
                () -> maintenance.run(settings.resubmitAfter(), settings.completedRetention()));
    }
}

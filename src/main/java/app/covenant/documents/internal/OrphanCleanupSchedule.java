package app.covenant.documents.internal;

import app.covenant.platform.jobs.BackgroundJobs;
import app.covenant.platform.jobs.Job;
import app.covenant.platform.jobs.JobRun;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code documents-orphan-cleanup}, daily by default ({@code DOCUMENTS_CLEANUP_CRON} in {@code JOBS_TIME_ZONE}),
 * once across the cluster.
 */
@Configuration(proxyBeanMethods = false)
class OrphanCleanupSchedule {

    static final String TASK_NAME = "documents-orphan-cleanup";

    @Bean(TASK_NAME)
    RecurringTask<Void> documentsOrphanCleanupTask(DocumentsProperties properties, BackgroundJobs jobs,
                                                   OrphanCleanup cleanup) {
        Job job = new Job(TASK_NAME, "Orphaned file cleanup",
                "Removes stored files that no document refers to, such as uploads that never finished.");
        return jobs.cron(job, properties.cleanupCron(), () -> {
            OrphanCleanup.Result result = cleanup.runNow();
            JobRun.count("removed", result.removed());
            JobRun.count("failed", result.failed());
        });
    }
}

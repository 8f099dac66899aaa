package app.covenant.audit.internal;

import app.covenant.audit.AuditRetention;
import app.covenant.platform.jobs.BackgroundJobs;
import app.covenant.platform.jobs.Job;
import app.covenant.platform.jobs.JobRun;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The daily retention run ({@code AUDIT_LOG_RETENTION_CRON}) as a db-scheduler task: on one node only, recorded. */
@Configuration(proxyBeanMethods = false)
class AuditRetentionSchedule {

    static final String TASK_NAME = "audit-retention";

    @Bean(TASK_NAME)
    RecurringTask<Void> auditRetentionTask(AuditProperties properties, BackgroundJobs jobs, AuditRetention retention) {
        Job job = new Job(TASK_NAME, "Audit log retention",
                "Deletes audit entries older than the retention period, keeping the hash chain verifiable from an anchor.");
        return jobs.cron(job, properties.retentionCron(),
                () -> JobRun.count("deleted", retention.runNow().deleted()));
    }
}

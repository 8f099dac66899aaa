package app.covenant.audit.internal;

import app.covenant.audit.AuditRetention;
import app.covenant.platform.jobs.BackgroundJobs;
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
        return jobs.cron(TASK_NAME, properties.retentionCron(),
                () -> JobRun.count("deleted", retention.runNow().deleted()));
    }
}

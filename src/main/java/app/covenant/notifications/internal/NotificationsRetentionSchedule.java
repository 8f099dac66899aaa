package app.covenant.notifications.internal;

import app.covenant.platform.jobs.BackgroundJobs;
import app.covenant.platform.jobs.Job;
import app.covenant.platform.jobs.JobRun;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The daily retention run ({@code NOTIFICATIONS_RETENTION_CRON}): on one node only, recorded with its counts. */
@Configuration(proxyBeanMethods = false)
class NotificationsRetentionSchedule {

    static final String TASK_NAME = "notifications-retention";

    @Bean(TASK_NAME)
    RecurringTask<Void> notificationsRetentionTask(BackgroundJobs jobs, NotificationsProperties properties,
                                                   NotificationsRetention retention) {
        Job job = new Job(TASK_NAME, "Notifications cleanup",
                "Deletes in-app notifications and outbox e-mails older than their retention periods.");
        return jobs.cron(job, properties.retention().cron(), () -> {
            NotificationsRetention.Result result = retention.runNow();
            JobRun.count("notifications", result.notifications());
            JobRun.count("outboxMessages", result.outboxMessages());
        });
    }
}

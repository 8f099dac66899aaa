package app.covenant.audit.internal;

import app.covenant.audit.AuditRetention;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The daily retention run as a db-scheduler task: on one node only, retried, visible to admins. */
@Configuration(proxyBeanMethods = false)
class AuditRetentionSchedule {

    static final String TASK_NAME = "audit-retention";

    @Bean(TASK_NAME)
    RecurringTask<Void> auditRetentionTask(AuditProperties properties, AuditRetention retention) {
        return Tasks.recurring(TASK_NAME, Schedules.cron(properties.retentionCron(), ZoneOffset.UTC))
                .execute((instance, context) -> retention.runNow());
    }
}

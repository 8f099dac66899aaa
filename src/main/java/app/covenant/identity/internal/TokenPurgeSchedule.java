package app.covenant.identity.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code identity-token-purge}, daily, once across the cluster (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class TokenPurgeSchedule {

    static final String TASK_NAME = "identity-token-purge";

    @Bean(TASK_NAME)
    RecurringTask<Void> identityTokenPurgeTask(@Value("${covenant.identity.purge-cron:0 15 3 * * *}") String cron,
                                               TokenPurge purge) {
        return Tasks.recurring(TASK_NAME, Schedules.cron(cron, ZoneOffset.UTC))
                .execute((instance, context) -> purge.runNow());
    }
}

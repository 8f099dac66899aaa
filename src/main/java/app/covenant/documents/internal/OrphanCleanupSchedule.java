package app.covenant.documents.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code documents-orphan-cleanup}, daily by default ({@code DOCUMENTS_CLEANUP_CRON}), once across the cluster. */
@Configuration(proxyBeanMethods = false)
class OrphanCleanupSchedule {

    static final String TASK_NAME = "documents-orphan-cleanup";

    @Bean(TASK_NAME)
    RecurringTask<Void> documentsOrphanCleanupTask(DocumentsProperties properties, OrphanCleanup cleanup) {
        return Tasks.recurring(TASK_NAME, Schedules.cron(properties.cleanupCron(), ZoneOffset.UTC))
                .execute((instance, context) -> cleanup.runNow());
    }
}

package app.covenant.notifications.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recurring {@code email-outbox-sender} job on db-scheduler: one run at a time across all nodes,
 * visible in {@code scheduled_tasks}. It catches up on everything the after-commit path did not send:
 * retries, messages of a node that stopped, bursts.
 */
@Configuration(proxyBeanMethods = false)
class OutboxSenderTask {

    static final String NAME = "email-outbox-sender";

    @Bean
    RecurringTask<Void> emailOutboxSenderTask(OutboxSender sender, NotificationsProperties properties) {
        return Tasks.recurring(NAME, FixedDelay.of(properties.delivery().interval()))
                .execute((instance, context) -> sender.sendDue());
    }
}

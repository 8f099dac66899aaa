package app.covenant.notifications.internal;

import app.covenant.platform.jobs.JobRun;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recurring {@code email-outbox-sender} job on db-scheduler: one run at a time across all nodes,
 * visible in {@code scheduled_tasks} and recorded in {@code job_runs}. It catches up on everything the
 * after-commit path did not send: retries, messages of a node that stopped, bursts. A fixed delay rather
 * than a cron: it runs every {@code covenant.notifications.delivery.interval} (30 s by default), counted
 * from the end of the previous run.
 */
@Configuration(proxyBeanMethods = false)
class OutboxSenderTask {

    static final String NAME = "email-outbox-sender";

    @Bean
    RecurringTask<Void> emailOutboxSenderTask(OutboxSender sender, NotificationsProperties properties) {
        return Tasks.recurring(NAME, FixedDelay.of(properties.delivery().interval()))
                .execute((instance, context) -> {
                    OutboxSender.RunSummary summary = sender.sendDue();
                    JobRun.count("sent", summary.sent());
                    JobRun.count("failed", summary.failed());
                    JobRun.count("pending", summary.pending());
                    if (summary.sent() == 0 && summary.failed() == 0) {
                        // Pending messages stay pending when no provider is configured: nothing was done.
                        JobRun.idle();
                    }
                });
    }
}

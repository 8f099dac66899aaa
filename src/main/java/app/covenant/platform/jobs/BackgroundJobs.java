package app.covenant.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How modules define their background jobs on db-scheduler, so every job reads its schedule the same
 * way and is recorded the same way ({@link JobRun}). Declare the returned task as a bean: the scheduler
 * picks up every task bean, and runs each due execution on one node only.
 *
 * <pre>{@code
 * @Bean("documents-orphan-cleanup")
 * RecurringTask<Void> documentsOrphanCleanupTask(DocumentsProperties properties, BackgroundJobs jobs,
 *                                                OrphanCleanup cleanup) {
 *     return jobs.cron("documents-orphan-cleanup", properties.cleanupCron(), () -> {
 *         OrphanCleanup.Result result = cleanup.runNow();
 *         JobRun.count("removed", result.removed());
 *         JobRun.count("failed", result.failed());
 *     });
 * }
 * }</pre>
 */
@Component
public class BackgroundJobs {

    private final JobsProperties properties;
    // Looked up when an instance is scheduled: the scheduler is built from the tasks this class defines.
    private final ObjectProvider<Scheduler> scheduler;

    BackgroundJobs(JobsProperties properties, ObjectProvider<Scheduler> scheduler) {
        this.properties = properties;
        this.scheduler = scheduler;
    }

    /**
     * A recurring job on a cron schedule from configuration, read in {@code JOBS_TIME_ZONE}. A failed run
     * is simply run again at its next time.
     *
     * @param cron Spring cron with seconds, e.g. {@code 0 30 3 * * *}; {@code -} disables the job
     * @throws IllegalStateException naming the job when the expression is not valid, so the start fails
     */
    public RecurringTask<Void> cron(String name, String cron, Runnable body) {
        return Tasks.recurring(name, schedule(name, cron)).execute((instance, context) -> body.run());
    }

    /**
     * A one-time job type: each scheduled instance runs once, and when it fails is tried again after
     * growing pauses until {@link Retries#maxAttempts()}; after that it is dropped and its failed runs
     * stay in the job's history.
     */
    public <T> OneTimeTask<T> oneTime(String name, Class<T> dataClass, Retries retries, Consumer<T> body) {
        FailureHandler<T> backoff = new FailureHandler.ExponentialBackoffFailureHandler<>(retries.firstDelay(),
                retries.multiplier());
        // db-scheduler counts retries after the first attempt.
        FailureHandler<T> limited = new FailureHandler.MaxRetriesFailureHandler<>(retries.maxAttempts() - 1, backoff);
        return Tasks.oneTime(name, dataClass).onFailure(limited)
                .execute((instance, context) -> body.accept(instance.getData()));
    }

    /**
     * Schedules one instance of a one-time job. The id makes it idempotent: scheduling an id that is
     * already waiting changes nothing.
     *
     * @return whether a new instance was scheduled
     * @throws IllegalStateException on a node whose scheduler is switched off ({@code db-scheduler.enabled})
     */
    public <T> boolean schedule(OneTimeTask<T> task, String id, T data, Instant when) {
        Scheduler running = scheduler.getIfAvailable();
        if (running == null) {
            throw new IllegalStateException("Background jobs are switched off on this node (db-scheduler.enabled); "
                    + "cannot schedule " + task.getName());
        }
        return running.scheduleIfNotExists(task.instance(id, data), when);
    }

    Schedule schedule(String name, String cron) {
        try {
            return Schedules.cron(cron, properties.timeZone());
        } catch (RuntimeException invalid) {
            throw new IllegalStateException("The schedule of job " + name + " is not a valid cron expression: '" + cron
                    + "' (Spring cron with seconds: second minute hour day month weekday, e.g. '0 30 3 * * *'): "
                    + invalid.getMessage(), invalid);
        }
    }

    /**
     * @param maxAttempts attempts in all, the first one included
     * @param firstDelay  the pause after the first failure
     * @param multiplier  how much each further pause grows
     */
    public record Retries(int maxAttempts, java.time.Duration firstDelay, double multiplier) {

        public Retries {
            if (maxAttempts < 1 || firstDelay == null || firstDelay.isNegative() || multiplier < 1) {
                throw new IllegalArgumentException("Retries need at least one attempt, a delay and a multiplier >= 1");
            }
        }
    }
}

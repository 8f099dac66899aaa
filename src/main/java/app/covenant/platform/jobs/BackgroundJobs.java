package app.covenant.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How modules define their background jobs on db-scheduler, so every job reads its schedule the same
 * way and is recorded the same way ({@link JobRun}). Declare the returned task as a bean: the scheduler
 * picks up every task bean, and runs each due execution on one node only.
 *
 * Each job comes with its {@link Job} title and description, which the jobs page shows.
 *
 * <pre>{@code
 * @Bean("documents-orphan-cleanup")
 * RecurringTask<Void> documentsOrphanCleanupTask(DocumentsProperties properties, BackgroundJobs jobs,
 *                                                OrphanCleanup cleanup) {
 *     Job job = new Job("documents-orphan-cleanup", "Orphaned file cleanup",
 *             "Removes stored files that no document refers to.");
 *     return jobs.cron(job, properties.cleanupCron(), () -> {
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
    // Filled as the task beans are defined: each job's own declaration, collected for the jobs page.
    private final Map<String, Job> declared = new ConcurrentHashMap<>();
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
    public RecurringTask<Void> cron(Job job, String cron, Runnable body) {
        declare(job);
        return Tasks.recurring(job.name(), schedule(job.name(), cron)).execute((instance, context) -> body.run());
    }

    /**
     * A one-time job type: each scheduled instance runs once, and when it fails is tried again after
     * growing pauses until {@link Retries#maxAttempts()}; after that it is dropped and its failed runs
     * stay in the job's history.
     */
    public <T> OneTimeTask<T> oneTime(Job job, Class<T> dataClass, Retries retries, Consumer<T> body) {
        declare(job);
        FailureHandler<T> backoff = new FailureHandler.ExponentialBackoffFailureHandler<>(retries.firstDelay(),
                retries.multiplier());
        // db-scheduler counts retries after the first attempt.
        FailureHandler<T> limited = new FailureHandler.MaxRetriesFailureHandler<>(retries.maxAttempts() - 1, backoff);
        return Tasks.oneTime(job.name(), dataClass).onFailure(limited)
                .execute((instance, context) -> body.accept(instance.getData()));
    }

    /**
     * Schedules one instance of a one-time job. The id makes it idempotent: scheduling an id that is
     * already waiting changes nothing. An instance due now starts at once rather than at the next poll.
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
        boolean scheduled = running.scheduleIfNotExists(task.instance(id, data), when);
        if (scheduled) {
            // One due now runs at once instead of at the next poll; for a later one this is an early, idle poll.
            running.triggerCheckForDueExecutions();
        }
        return scheduled;
    }

    /** How the job was declared, if it was declared here (every task bean of this application is). */
    Optional<Job> declared(String name) {
        return Optional.ofNullable(declared.get(name));
    }

    private void declare(Job job) {
        if (declared.putIfAbsent(job.name(), job) != null) {
            throw new IllegalStateException("Two background jobs are named " + job.name());
        }
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

package app.covenant.platform.jobs;

import app.covenant.platform.jobs.JobRuns.Outcome;
import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records every run of every db-scheduler task in {@code job_runs}, in one place for all modules: the
 * starter hands every {@link ExecutionInterceptor} bean to the scheduler, which wraps each execution
 * with it on the node that picked the execution. The start row is written before the body runs, so a
 * run cut short by a dying node stays visible as unfinished. Each run logs one completion line.
 */
@Component
class JobRunRecorder implements ExecutionInterceptor {

    private static final Logger log = LoggerFactory.getLogger(JobRunRecorder.class);
    private static final int ERROR_SUMMARY_LENGTH = 500;

    private final JobRuns runs;
    private final Clock clock;
    private final String nodeName = SchedulerNodeName.ofThisProcess();

    JobRunRecorder(JobRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public CompletionHandler<?> execute(TaskInstance<?> instance, ExecutionContext context, ExecutionChain chain) {
        Execution execution = context.getExecution();
        String node = execution.pickedBy == null ? nodeName : execution.pickedBy;
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        long id = runs.start(instance.getTaskName(), instance.getId(), node, execution.executionTime, started);
        JobRun run = JobRun.begin();
        CompletionHandler<?> completion;
        try {
            completion = chain.proceed(instance, context);
        } catch (RuntimeException | Error failure) {
            try {
                complete(id, instance, Outcome.FAILED, startedNanos, summary(failure), run);
            } catch (RuntimeException recording) {
                // The job's own failure is what db-scheduler must see and retry.
                failure.addSuppressed(recording);
            }
            throw failure;
        } finally {
            JobRun.end();
        }
        complete(id, instance, Outcome.SUCCEEDED, startedNanos, null, run);
        return completion;
    }

    private void complete(long id, TaskInstance<?> instance, Outcome outcome, long startedNanos, String error,
                          JobRun run) {
        Map<String, Long> counts = run.counts();
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        runs.finish(id, outcome, clock.instant(), durationMs, error, counts);
        String line = "Job {} ({}) {} in {} ms{}";
        Object[] values = {instance.getTaskName(), instance.getId(), outcome, durationMs, describe(counts, error)};
        if (outcome == Outcome.FAILED) {
            log.warn(line, values);
        } else if (run.isIdle()) {
            // A frequent job with nothing to do (the outbox sender every 30 s) would drown the log.
            log.debug(line, values);
        } else {
            log.info(line, values);
        }
    }

    private static String describe(Map<String, Long> counts, String error) {
        String text = counts.isEmpty() ? "" : ": " + counts.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
        return error == null ? text : text + " — " + error;
    }

    /** The exception type and the first line of its message: enough to act on, never a stack trace. */
    static String summary(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().lines().findFirst().orElse("");
        String summary = failure.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message.strip());
        return summary.length() <= ERROR_SUMMARY_LENGTH ? summary : summary.substring(0, ERROR_SUMMARY_LENGTH - 1) + "…";
    }
}

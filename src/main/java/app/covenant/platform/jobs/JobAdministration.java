package app.covenant.platform.jobs;

import app.covenant.shared.problem.ProblemException;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The recurring jobs of every module with their last and next run, read from db-scheduler's own table,
 * and "run now", which moves the job's next execution to this moment — still on one node only.
 */
@Service
class JobAdministration {

    /** One job as administrators see it. */
    record JobView(String name, Instant nextRunAt, Instant lastSuccessAt, Instant lastFailureAt,
                   int consecutiveFailures, boolean running) {
    }

    private static final String RECURRING_INSTANCE = "recurring";

    private final List<String> names;
    private final ObjectProvider<Scheduler> scheduler;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    // The scheduler may be switched off on a node (db-scheduler.enabled=false): the list still works there.
    JobAdministration(List<RecurringTask<?>> tasks, ObjectProvider<Scheduler> scheduler, JdbcTemplate jdbc,
                      Clock clock) {
        this.names = tasks.stream().map(RecurringTask::getName).sorted().toList();
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<JobView> list() {
        Map<String, JobView> stored = jdbc.query("select task_name, execution_time, last_success, last_failure, "
                        + "consecutive_failures, picked from scheduled_tasks where task_instance = ?",
                (rs, i) -> new JobView(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), rs.getInt(5), rs.getBoolean(6)), RECURRING_INSTANCE)
                .stream().collect(Collectors.toMap(JobView::name, Function.identity()));
        return names.stream()
                .map(name -> stored.getOrDefault(name, new JobView(name, null, null, null, 0, false)))
                .toList();
    }

    /** Due now; the scheduler picks it up at its next poll (a few seconds at most). */
    JobView runNow(String name) {
        if (!names.contains(name)) {
            throw ProblemException.notFound("Job " + name);
        }
        Scheduler running = scheduler.getIfAvailable();
        if (running == null) {
            throw ProblemException.conflict("Background jobs are switched off on this node (db-scheduler.enabled).");
        }
        if (!running.reschedule(TaskInstanceId.of(name, RECURRING_INSTANCE), clock.instant())) {
            throw ProblemException.conflict("The job " + name + " is running right now; try again when it is done.");
        }
        return list().stream().filter(job -> job.name().equals(name)).findFirst().orElseThrow();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package app.covenant.platform.jobs;

import app.covenant.platform.jobs.JobRuns.JobRunView;
import app.covenant.shared.problem.ProblemException;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The jobs of every module with their last and next run, read from db-scheduler's own table and from
 * {@code job_runs}, and "run now", which moves a recurring job's next execution to this moment — still
 * on one node only. One-time jobs are listed too (their next waiting instance), but only run when scheduled.
 */
@Service
class JobAdministration {

    enum Kind { RECURRING, ONE_TIME }

    /**
     * One job as administrators see it.
     *
     * @param title       its human name, as its module declared it ({@link Job})
     * @param description one line on what a run does
     */
    record JobView(String name, String title, String description, Kind kind, Instant nextRunAt,
                   Instant lastSuccessAt, Instant lastFailureAt, int consecutiveFailures, boolean running,
                   JobRunView lastRun) {
    }

    private record SchedulerRow(Instant nextRunAt, Instant lastSuccessAt, Instant lastFailureAt,
                                int consecutiveFailures, boolean running) {
        static final SchedulerRow NONE = new SchedulerRow(null, null, null, 0, false);
    }

    private static final String RECURRING_INSTANCE = "recurring";

    private final Map<String, Kind> jobs;
    private final BackgroundJobs declarations;
    private final ObjectProvider<Scheduler> scheduler;
    private final JdbcTemplate jdbc;
    private final JobRuns runs;
    private final Clock clock;

    // The scheduler may be switched off on a node (db-scheduler.enabled=false): the list still works there.
    JobAdministration(List<Task<?>> tasks, BackgroundJobs declarations, ObjectProvider<Scheduler> scheduler,
                      JdbcTemplate jdbc, JobRuns runs, Clock clock) {
        this.jobs = tasks.stream().collect(Collectors.toMap(Task::getName,
                task -> task instanceof RecurringTask<?> ? Kind.RECURRING : Kind.ONE_TIME, (a, b) -> a, TreeMap::new));
        this.declarations = declarations;
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.runs = runs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<JobView> list() {
        Map<String, SchedulerRow> recurring = jdbc.query("select task_name, execution_time, last_success, "
                        + "last_failure, consecutive_failures, picked from scheduled_tasks where task_instance = ?",
                (rs, i) -> Map.entry(rs.getString(1), new SchedulerRow(instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), rs.getInt(5), rs.getBoolean(6))),
                RECURRING_INSTANCE).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, SchedulerRow> oneTime = jdbc.query("select task_name, min(execution_time), max(last_success), "
                        + "max(last_failure), max(consecutive_failures), count(case when picked then 1 end) "
                        + "from scheduled_tasks where task_instance <> ? group by task_name",
                (rs, i) -> Map.entry(rs.getString(1), new SchedulerRow(instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), rs.getInt(5), rs.getInt(6) > 0)),
                RECURRING_INSTANCE).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return jobs.entrySet().stream().map(job -> {
            SchedulerRow row = (job.getValue() == Kind.RECURRING ? recurring : oneTime)
                    .getOrDefault(job.getKey(), SchedulerRow.NONE);
            // A task defined without BackgroundJobs (none in this application) shows its bare name.
            Job declared = declarations.declared(job.getKey())
                    .orElseGet(() -> new Job(job.getKey(), job.getKey(), "A db-scheduler task."));
            return new JobView(job.getKey(), declared.title(), declared.description(), job.getValue(),
                    row.nextRunAt(), row.lastSuccessAt(), row.lastFailureAt(), row.consecutiveFailures(),
                    row.running(), runs.last(job.getKey()).orElse(null));
        }).sorted(Comparator.comparing(JobView::kind).thenComparing(JobView::title)).toList();
    }

    /**
     * Whether the list is worth watching: a run is in progress, or a recurring job is due this minute ("Run
     * now", or its time came) and about to be picked up. A job overdue for longer is not being picked up
     * (the scheduler is off on every node): watching would never end.
     */
    static boolean inProgress(List<JobView> jobs, Instant now) {
        return jobs.stream().anyMatch(job -> job.running() || (job.kind() == Kind.RECURRING && job.nextRunAt() != null
                && !job.nextRunAt().isAfter(now) && job.nextRunAt().isAfter(now.minusSeconds(60))));
    }

    @Transactional(readOnly = true)
    public JobView job(String name) {
        requireKnown(name);
        return list().stream().filter(job -> job.name().equals(name)).findFirst().orElseThrow();
    }

    /** The job's recorded runs, newest first. */
    @Transactional(readOnly = true)
    public Page<JobRunView> history(String name, Pageable pageable) {
        requireKnown(name);
        return runs.history(name, pageable);
    }

    /** Due now; the scheduler picks it up at its next poll (a few seconds at most). */
    public JobView runNow(String name) {
        Kind kind = requireKnown(name);
        if (kind != Kind.RECURRING) {
            throw ProblemException.conflict("The job " + name + " runs when it is scheduled, not on demand.");
        }
        Scheduler running = scheduler.getIfAvailable();
        if (running == null) {
            throw ProblemException.conflict("Background jobs are switched off on this node (db-scheduler.enabled).");
        }
        boolean rescheduled;
        try {
            rescheduled = running.reschedule(TaskInstanceId.of(name, RECURRING_INSTANCE), clock.instant());
        } catch (TaskInstanceCurrentlyExecutingException runningElsewhere) {
            // Picked by a node (this one or another) and still running.
            rescheduled = false;
        }
        if (!rescheduled) {
            throw ProblemException.conflict("The job " + name + " is running right now; try again when it is done.");
        }
        return job(name);
    }

    private Kind requireKnown(String name) {
        Kind kind = jobs.get(name);
        if (kind == null) {
            throw ProblemException.notFound("Job " + name);
        }
        return kind;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

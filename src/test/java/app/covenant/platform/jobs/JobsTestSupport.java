package app.covenant.platform.jobs;

import static org.awaitility.Awaitility.await;

import app.covenant.platform.jobs.JobRuns.JobRunView;
import app.covenant.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with a scheduler that polls twice a second, so jobs started by a test run at
 * once, and event-publication thresholds of a second. Every subclass shares this one context.
 */
@IntegrationTest
@Import(TestJobs.class)
@TestPropertySource(properties = {
        "db-scheduler.polling-interval=500ms",
        "covenant.jobs.event-publications.resubmit-after=1s",
        "covenant.jobs.event-publications.completed-retention=1s"})
abstract class JobsTestSupport {

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected JobAdministration administration;
    @Autowired
    protected JobRuns runs;

    protected List<JobRunView> runsOf(String job) {
        return runs.history(job, PageRequest.of(0, 100)).getContent();
    }

    /** Runs a recurring job now through the scheduler and waits for that run to finish. */
    protected JobRunView runNowAndAwait(String job) {
        long before = finishedRuns(job);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            administration.runNow(job);
            return true;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> finishedRuns(job) > before);
        return runsOf(job).stream().filter(finished()).findFirst().orElseThrow();
    }

    private long finishedRuns(String job) {
        return jdbc.queryForObject("select count(*) from job_runs where job_name = ? and finished_at is not null",
                Long.class, job);
    }

    private static Predicate<JobRunView> finished() {
        return run -> run.finishedAt() != null;
    }
}

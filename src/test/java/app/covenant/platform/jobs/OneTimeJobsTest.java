package app.covenant.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.platform.jobs.JobRuns.JobRunView;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One-time jobs: retried with backoff up to their attempts, every attempt recorded as a run. */
class OneTimeJobsTest extends JobsTestSupport {

    @Autowired
    BackgroundJobs jobs;
    @Autowired
    OneTimeTask<String> flakyJob;
    @Autowired
    OneTimeTask<String> brokenJob;
    @Autowired
    OneTimeTask<String> slowJob;

    @Test
    void aJobThatFailsTwiceRunsAThirdTimeAndSucceeds() {
        String id = UUID.randomUUID().toString();

        assertThat(jobs.schedule(flakyJob, id, id, Instant.now())).isTrue();

        // The run is recorded before db-scheduler removes the finished execution: wait for both.
        await().atMost(Duration.ofSeconds(30)).until(() -> instanceRuns(TestJobs.FLAKY, id).stream()
                .anyMatch(run -> "SUCCEEDED".equals(run.outcome())) && waiting(TestJobs.FLAKY, id) == 0);
        List<JobRunView> runs = instanceRuns(TestJobs.FLAKY, id);
        assertThat(runs).extracting(JobRunView::outcome).containsExactly("SUCCEEDED", "FAILED", "FAILED");
        assertThat(runs.get(1).error()).isEqualTo("IllegalStateException: attempt 2 of " + id + " failed");
        assertThat(TestJobs.ATTEMPTS.get(id)).hasValue(3);
    }

    @Test
    void aJobThatAlwaysFailsStopsAfterItsMaximumAttemptsAndShowsAsFailed() {
        String id = UUID.randomUUID().toString();

        jobs.schedule(brokenJob, id, id, Instant.now());

        await().atMost(Duration.ofSeconds(30)).until(() -> instanceRuns(TestJobs.BROKEN, id).size() == 3 && waiting(TestJobs.BROKEN, id) == 0);
        assertThat(instanceRuns(TestJobs.BROKEN, id)).extracting(JobRunView::outcome).containsOnly("FAILED");
        assertThat(TestJobs.ATTEMPTS.get(id)).hasValue(3);
        // Nothing left that could run a fourth time: the run history is what remains of it.
        assertThat(administration.list()).filteredOn(job -> job.name().equals(TestJobs.BROKEN)).singleElement()
                .satisfies(job -> {
                    assertThat(job.kind()).isEqualTo(JobAdministration.Kind.ONE_TIME);
                    assertThat(job.lastRun().outcome()).isEqualTo("FAILED");
                });
    }

    @Test
    void aRunIsRecordedWhenItStartsSoOneCutShortStaysVisibleAsUnfinished() throws InterruptedException {
        String id = UUID.randomUUID().toString();
        jobs.schedule(slowJob, id, id, Instant.now());

        await().atMost(Duration.ofSeconds(20)).until(() -> instanceRuns(TestJobs.SLOW, id).size() == 1);
        JobRunView running = instanceRuns(TestJobs.SLOW, id).getFirst();
        assertThat(running.finishedAt()).isNull();
        assertThat(running.outcome()).isNull();

        TestJobs.RELEASE_SLOW.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(instanceRuns(TestJobs.SLOW, id).getFirst().outcome()));
        assertThat(instanceRuns(TestJobs.SLOW, id).getFirst().counts()).containsEntry("waited", 1L);
    }

    private List<JobRunView> instanceRuns(String job, String id) {
        return runsOf(job).stream().filter(run -> run.instanceId().equals(id)).toList();
    }

    private int waiting(String job, String id) {
        return jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ? and task_instance = ?",
                Integer.class, job, id);
    }
}

package app.covenant.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.platform.jobs.JobRuns.JobRunView;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code modulith-event-publications}: a listener that failed leaves its publication incomplete; the job
 * hands it over again, it completes, and completed publications are deleted after their retention.
 */
class EventPublicationJobTest extends JobsTestSupport {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aFailedPublicationIsResubmittedCompletesAndIsPurgedLater() {
        String id = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(
                status -> events.publishEvent(new TestJobs.SomethingHappened(id)));

        await().atMost(Duration.ofSeconds(10)).until(() -> publication(id).size() == 1
                && "FAILED".equals(publication(id).getFirst().get("status")));
        assertThat(publication(id).getFirst().get("completion_date")).isNull();
        assertThat(TestJobs.FlakyListener.HANDLED).doesNotContain(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> olderThanASecond(publication(id).getFirst(), "publication_date"));

        JobRunView resubmission = runNowAndAwait(PlatformJobs.EVENT_PUBLICATIONS);

        assertThat(resubmission.outcome()).isEqualTo("SUCCEEDED");
        assertThat(resubmission.counts().get("resubmitted")).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> TestJobs.FlakyListener.HANDLED.contains(id));
        await().atMost(Duration.ofSeconds(10)).until(() -> "COMPLETED".equals(publication(id).getFirst().get("status")));
        assertThat(publication(id).getFirst().get("completion_date")).isNotNull();

        await().atMost(Duration.ofSeconds(10)).until(() -> olderThanASecond(publication(id).getFirst(), "completion_date"));
        JobRunView purge = runNowAndAwait(PlatformJobs.EVENT_PUBLICATIONS);

        assertThat(purge.counts().get("purged")).isGreaterThanOrEqualTo(1);
        assertThat(publication(id)).isEmpty();
    }

    private List<Map<String, Object>> publication(String id) {
        return jdbc.queryForList("select status, publication_date, completion_date from event_publication "
                + "where listener_id like '%FlakyListener%' and serialized_event like ?", "%" + id + "%");
    }

    private static boolean olderThanASecond(Map<String, Object> row, String column) {
        Object value = row.get(column);
        Instant instant = value instanceof Timestamp timestamp ? timestamp.toInstant()
                : ((java.time.OffsetDateTime) value).toInstant();
        return instant.isBefore(Instant.now().minusSeconds(1));
    }
}

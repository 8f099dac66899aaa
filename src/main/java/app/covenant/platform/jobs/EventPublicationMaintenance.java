package app.covenant.platform.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * The body of {@code modulith-event-publications}: keeps Spring Modulith's registry of module events
 * moving. A listener that failed leaves its publication {@code FAILED}; one whose node stopped leaves it
 * {@code PUBLISHED} or {@code PROCESSING}; Modulith resubmits none of them by itself here
 * ({@code republish-outstanding-events-on-restart} is off, because with several nodes every restart would
 * replay everyone's work). This job, once across the cluster, hands them to their listener again and
 * deletes completed publications after a retention period ({@code completion-mode: update} keeps them).
 */
@Component
class EventPublicationMaintenance {

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    EventPublicationMaintenance(IncompleteEventPublications incomplete, CompletedEventPublications completed,
                                JdbcTemplate jdbc, Clock clock) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void run(Duration resubmitAfter, Duration completedRetention) {
        Instant resubmitBefore = clock.instant().minus(resubmitAfter);
        // Modulith claims a publication for resubmission by marking it RESUBMITTED and skips those already
        // marked; one whose resubmission never ended (its node stopped mid-listener) would stay stuck.
        // Only this job resubmits, one run at a time, so such a mark older than the threshold is stale.
        long released = jdbc.update("update event_publication set status = 'FAILED' where status = 'RESUBMITTED' "
                + "and completion_date is null and last_resubmission_date < ?", Timestamp.from(resubmitBefore));
        long due = count("select count(*) from event_publication where completion_date is null "
                + "and publication_date < ? and (status is null or status <> 'RESUBMITTED')", resubmitBefore);
        incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);

        Instant purgeBefore = clock.instant().minus(completedRetention);
        long purged = count("select count(*) from event_publication where completion_date < ? "
                + "and (status = 'COMPLETED' or status is null)", purgeBefore);
        completed.deletePublicationsOlderThan(completedRetention);

        JobRun.count("resubmitted", due);
        JobRun.count("released", released);
        JobRun.count("purged", purged);
        JobRun.count("incomplete", jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null", Long.class));
    }

    private long count(String sql, Instant instant) {
        Long count = jdbc.queryForObject(sql, Long.class, Timestamp.from(instant));
        return count == null ? 0 : count;
    }
}

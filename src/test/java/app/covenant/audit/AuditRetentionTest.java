package app.covenant.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The daily retention job: removes what is older than the retention period, and what is kept still verifies. */
@AuditIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AuditRetentionTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditRetention retention;

    @Autowired
    AuditVerification verification;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void removesOnlyOldEntriesAndVerificationStartsAtTheAnchor(CapturedOutput output) {
        AuditDatabase db = new AuditDatabase(jdbc, transactions);
        String old = AuditTrailTest.unique("old.entry");
        String young = AuditTrailTest.unique("young.entry");
        for (int i = 0; i < 100; i++) {
            trail.record(AuditEntry.of("test", old).target("n", i));
        }
        clock.advance(Duration.ofDays(200));
        trail.record(AuditEntry.of("test", young).before(Map.of("password", "p")));
        trail.record(AuditEntry.of("test", young));
        long firstYoung = ((Number) db.rows(young).getFirst().get("id")).longValue();
        long lastOld = ((Number) db.rows(old).getLast().get("id")).longValue();
        clock.advance(Duration.ofDays(166).plusHours(1)); // the old entries are now 366 days old

        AuditRetention.Result result = retention.runNow();

        assertThat(db.count(old)).isZero();
        assertThat(db.count(young)).isEqualTo(2);
        assertThat(result.deleted()).as("everything written before, in batches of 40").isGreaterThanOrEqualTo(100);
        assertThat(result.anchorId()).as("the last removed row").isEqualTo(lastOld);
        assertThat(jdbc.queryForObject("SELECT min(id) FROM audit_log", Long.class)).isEqualTo(firstYoung);
        assertThat(output).contains("Audit retention completed: deleted=" + result.deleted() + ", durationMs=");

        AuditVerification.Result verified = verification.verify();
        assertThat(verified.valid()).isTrue();
        assertThat(verified.anchorId()).isEqualTo(lastOld);
        assertThat(retention.runNow().deleted()).as("nothing else is old enough").isZero();
    }

    @Test
    void keepsEverythingYoungerThanTheRetentionPeriod() {
        AuditDatabase db = new AuditDatabase(jdbc, transactions);
        String action = AuditTrailTest.unique("recent.entry");
        trail.record(AuditEntry.of("test", action));
        clock.advance(Duration.ofDays(364));

        retention.runNow();

        assertThat(db.count(action)).isEqualTo(1);
        assertThat(verification.verify().valid()).isTrue();
    }

    @Test
    void isScheduledDailyAtHalfPastThreeUtc() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT execution_time FROM scheduled_tasks WHERE task_name = 'audit-retention'");
            assertThat(rows).hasSize(1);
            OffsetDateTime next = jdbc.queryForObject(
                    "SELECT execution_time FROM scheduled_tasks WHERE task_name = 'audit-retention'",
                    OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
            assertThat(next.getHour()).isEqualTo(3);
            assertThat(next.getMinute()).isEqualTo(30);
        });
    }
}

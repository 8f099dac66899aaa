package app.covenant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The same chain on the embedded default (H2 in PostgreSQL mode): locking, verification and retention
 * work there too. H2 has no append-only trigger, so a plain UPDATE stands in for tampering.
 */
// No demo data: its records are audited, and this test counts every entry that retention removes.
@SpringBootTest(properties = {
        "DATABASE_URL=", "REDIS_URL=", "DATA_DIR=target/audit-h2-data", "covenant.identity.demo-data=false",
        "spring.datasource.url=jdbc:h2:mem:audit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"})
@Import(MutableClock.Config.class)
class AuditOnH2Test {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditVerification verification;

    @Autowired
    AuditRetention retention;

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
    void appendsConcurrentlyVerifiesDetectsTamperingAndRetains() throws Exception {
        AuditDatabase db = new AuditDatabase(jdbc, transactions);
        String old = AuditTrailTest.unique("old");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        trail.record(AuditEntry.of("test", old).target("n", i));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.count(old)).isEqualTo(40);
        assertThat(verification.verify().valid()).isTrue();

        long tampered = ((Number) db.rows(old).get(5).get("id")).longValue();
        jdbc.update("UPDATE audit_log SET actor_email = 'someone@else.test' WHERE id = ?", tampered);
        assertThat(verification.verify().firstBrokenId()).isEqualTo(tampered);
        jdbc.update("UPDATE audit_log SET actor_email = NULL WHERE id = ?", tampered);

        clock.advance(Duration.ofDays(100));
        String young = AuditTrailTest.unique("young");
        trail.record(AuditEntry.of("test", young));
        clock.advance(Duration.ofDays(300));
        AuditRetention.Result result = retention.runNow();

        assertThat(result.deleted()).isEqualTo(40);
        assertThat(db.count(young)).isEqualTo(1);
        AuditVerification.Result verified = verification.verify();
        assertThat(verified.valid()).isTrue();
        assertThat(verified.checked()).isEqualTo(1);
        assertThat(verified.anchorId()).isEqualTo(result.anchorId());
    }
}

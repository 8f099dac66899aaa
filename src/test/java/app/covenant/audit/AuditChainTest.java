package app.covenant.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The hash chain: verification finds any change, appends stay linear under load, PostgreSQL refuses edits. */
@AuditIntegrationTest
class AuditChainTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditVerification verification;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void verificationStreamsPastOneBatchAndReportsTheChangedRow() {
        AuditDatabase db = new AuditDatabase(jdbc, transactions);
        String action = AuditTrailTest.unique("bulk.imported");
        // More than one verification batch (1,000 rows), written in one transaction.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < 1_050; i++) {
                trail.record(AuditEntry.of("insurance", action).target("coi", i));
            }
        });
        assertThat(verification.verify().valid()).isTrue();
        assertThat(verification.verify().checked()).isGreaterThanOrEqualTo(1_050);

        long tampered = ((Number) db.rows(action).get(1_020).get("id")).longValue();
        db.asRetention("UPDATE audit_log SET target_id = 'forged' WHERE id = ?", tampered);
        try {
            AuditVerification.Result result = verification.verify();
            assertThat(result.valid()).isFalse();
            assertThat(result.firstBrokenId()).isEqualTo(tampered);
        } finally {
            db.asRetention("UPDATE audit_log SET target_id = '1020' WHERE id = ?", tampered);
        }
        assertThat(verification.verify().valid()).as("restored").isTrue();
    }

    @Test
    void aChangedHashOrARemovedRowBreaksTheChainToo() {
        AuditDatabase db = new AuditDatabase(jdbc, transactions);
        String action = AuditTrailTest.unique("user.deactivated");
        for (int i = 0; i < 3; i++) {
            trail.record(AuditEntry.of("identity", action).target("user", i));
        }
        List<Map<String, Object>> rows = db.rows(action);
        long middle = ((Number) rows.get(1).get("id")).longValue();
        long last = ((Number) rows.get(2).get("id")).longValue();

        // An edited row whose hash was also replaced.
        db.asRetention("UPDATE audit_log SET action = 'user.activated', hash = ? WHERE id = ?", "f".repeat(64), middle);
        assertThat(verification.verify().firstBrokenId()).isEqualTo(middle);
        db.asRetention("UPDATE audit_log SET action = ?, hash = ? WHERE id = ?", action, rows.get(1).get("hash"), middle);

        db.asRetention("DELETE FROM audit_log WHERE id = ?", middle);
        assertThat(verification.verify().firstBrokenId()).as("the missing id").isEqualTo(middle);
        db.reinsert(rows.get(1));

        db.asRetention("DELETE FROM audit_log WHERE id = ?", last);
        AuditVerification.Result truncated = verification.verify();
        assertThat(truncated.valid()).as("rows cut off the end").isFalse();
        assertThat(truncated.firstBrokenId()).isEqualTo(last);
        db.reinsert(rows.get(2));

        assertThat(verification.verify().valid()).isTrue();
    }

    @Test
    void concurrentAppendsFromManyTransactionsFormOneChain() throws Exception {
        AuditDatabase db = new AuditDatabase(jdbc, transactions);
        String action = AuditTrailTest.unique("load.tested");
        int threads = 8;
        int perThread = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        trail.record(AuditEntry.of("test", action).target("thread-" + thread, i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Map<String, Object>> rows = db.rows(action);
        assertThat(rows).hasSize(threads * perThread);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT prev_hash) - count(*) FROM audit_log", Long.class))
                .as("no two rows took the same predecessor").isZero();
        AuditVerification.Result result = verification.verify();
        assertThat(result.valid()).isTrue();
        assertThat(result.checked()).isGreaterThanOrEqualTo(threads * perThread);
    }

    @Test
    void postgresRefusesChangesOutsideRetention() {
        trail.record(AuditEntry.of("identity", AuditTrailTest.unique("user.invited")));
        long id = new AuditDatabase(jdbc, transactions).lastId();

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_log SET action = 'x' WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_log WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_log"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_chain_anchor SET anchor_id = 0"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        // The retention flag is transaction-local: set and forgotten in an earlier transaction, it is gone.
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                jdbc.queryForObject("SELECT set_config('covenant.audit_retention', 'on', true)", String.class));
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_log WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(verification.verify().valid()).isTrue();
    }
}

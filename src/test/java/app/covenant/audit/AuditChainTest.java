package app.covenant.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
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
        assertThat(verification.verify().firstBrokenId()).as("the row after the missing one").isEqualTo(last);
        db.reinsert(rows.get(1));

        db.asRetention("DELETE FROM audit_log WHERE id = ?", last);
        AuditVerification.Result truncated = verification.verify();
        assertThat(truncated.valid()).as("rows cut off the end").isFalse();
        assertThat(truncated.firstBrokenId()).as("the last row its head names").isEqualTo(last);
        db.reinsert(rows.get(2));

        // A row moved to another organization's chain, with a matching hash of its own, is out of place.
        Map<String, Object> moved = rows.get(1);
        db.asRetention("UPDATE audit_log SET chain_id = ? WHERE id = ?", UUID.randomUUID(), middle);
        assertThat(verification.verify().firstBrokenId()).isEqualTo(last);
        db.asRetention("UPDATE audit_log SET chain_id = ? WHERE id = ?", moved.get("chain_id"), middle);

        assertThat(verification.verify().valid()).isTrue();
    }

    @Test
    void anOpenTransactionHoldsUpNoOtherAppend() throws Exception {
        UUID busy = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String action = AuditTrailTest.unique("held.open");
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        // The organization's first chain exists already (a chain created by a transaction still open is
        // invisible to others, who wait for it to commit).
        trail.record(AuditEntry.of("test", action).organization(busy).target("earlier", 0));
        try {
            Future<?> holder = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                trail.record(AuditEntry.of("test", action).organization(busy).target("holder", 1));
                trail.record(AuditEntry.of("test", action).organization(busy).target("holder", 2));
                appended.countDown();
                await(finish);
            }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();

            // Another organization, the platform, and the same organization (in a second chain of its own).
            threads.submit(() -> trail.record(AuditEntry.of("test", action).organization(other)))
                    .get(10, TimeUnit.SECONDS);
            threads.submit(() -> trail.record(AuditEntry.of("test", action))).get(10, TimeUnit.SECONDS);
            threads.submit(() -> trail.record(AuditEntry.of("test", action).organization(busy).target("other", 1)))
                    .get(10, TimeUnit.SECONDS);

            finish.countDown();
            holder.get(30, TimeUnit.SECONDS);
        } finally {
            finish.countDown();
            threads.shutdownNow();
        }
        List<Map<String, Object>> rows = new AuditDatabase(jdbc, transactions).rows(action);
        assertThat(rows).hasSize(6);
        List<Map<String, Object>> holders = rows.stream().filter(row -> "holder".equals(row.get("target_type"))).toList();
        assertThat(holders).extracting(row -> row.get("chain_id")).as("one transaction, one chain").containsOnly(busy);
        assertThat(rows.stream().filter(row -> "other".equals(row.get("target_type"))).findFirst().orElseThrow()
                .get("chain_id")).as("the organization's second chain").isNotEqualTo(busy);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_chain_heads WHERE organization_key = ?",
                Long.class, busy)).isEqualTo(2);
        assertThat(verification.verify().valid()).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRowOutsideEveryChainIsFound() {
        trail.record(AuditEntry.of("identity", AuditTrailTest.unique("user.invited")));
        long id = new AuditDatabase(jdbc, transactions).lastId() + 1_000;
        jdbc.update("INSERT INTO audit_log (id, occurred_at, module, action, visibility, prev_hash, hash) "
                + "VALUES (?, CURRENT_TIMESTAMP, 'identity', 'slipped.in', 'PUBLIC', ?, ?)", id, "0".repeat(64),
                "1".repeat(64));
        try {
            AuditVerification.Result result = verification.verify();
            assertThat(result.valid()).isFalse();
            assertThat(result.firstBrokenId()).isEqualTo(id);
        } finally {
            new AuditDatabase(jdbc, transactions).asRetention("DELETE FROM audit_log WHERE id = ?", id);
        }
        assertThat(verification.verify().valid()).isTrue();
    }

    @Test
    void concurrentAppendsFromManyTransactionsFormOneChainPerOrganization() throws Exception {
        AuditDatabase db = new AuditDatabase(jdbc, transactions);
        String action = AuditTrailTest.unique("load.tested");
        int threads = 8;
        int perThread = 25;
        List<UUID> organizations = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        // Two threads per organization, and two for platform-wide entries.
                        UUID organization = thread < 6 ? organizations.get(thread % 3) : null;
                        trail.record(AuditEntry.of("test", action).organization(organization)
                                .target("thread-" + thread, i));
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
        assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT chain_id, prev_hash FROM audit_log "
                + "GROUP BY chain_id, prev_hash HAVING count(*) > 1) shared", Long.class))
                .as("no two rows of a chain took the same predecessor").isZero();
        for (UUID organization : organizations) {
            List<UUID> chains = jdbc.queryForList("SELECT chain_id FROM audit_chain_heads WHERE organization_key = ?",
                    UUID.class, organization);
            assertThat(chains).as("at most one chain per concurrent writer").hasSizeBetween(1, 2);
            long rowsOfOrganization = 0;
            for (UUID chain : chains) {
                List<Long> places = jdbc.queryForList("SELECT chain_seq FROM audit_log WHERE chain_id = ? "
                        + "ORDER BY chain_seq", Long.class, chain);
                assertThat(places).as("gap-free").containsExactlyElementsOf(
                        LongStream.rangeClosed(1, places.size()).boxed().toList());
                rowsOfOrganization += places.size();
            }
            assertThat(rowsOfOrganization).isEqualTo(2L * perThread);
        }
        AuditVerification.Result result = verification.verify();
        assertThat(result.valid()).isTrue();
        assertThat(result.checked()).isGreaterThanOrEqualTo(threads * perThread);
        assertThat(result.chains()).isGreaterThanOrEqualTo(organizations.size() + 1);
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
        assertThatThrownBy(() -> jdbc.update("INSERT INTO audit_chain_anchors (chain_id, anchor_seq, anchor_id, "
                + "anchor_hash, anchored_at) VALUES (?, 5, 5, ?, CURRENT_TIMESTAMP)", UUID.randomUUID(), "0".repeat(64)))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");

        // The retention flag is transaction-local: set and forgotten in an earlier transaction, it is gone.
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                jdbc.queryForObject("SELECT set_config('covenant.audit_retention', 'on', true)", String.class));
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_log WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(verification.verify().valid()).isTrue();
    }
}

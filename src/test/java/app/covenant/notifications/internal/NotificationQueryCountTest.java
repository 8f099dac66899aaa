package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.notifications.Notice;
import app.covenant.notifications.Notifier;
import app.covenant.shared.security.Caller;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bell's count and the list cost the same number of statements for 6 notifications as for 60
 * (no N+1), counted by Hibernate's statistics, switched on for this test only.
 */
@IntegrationTest
class NotificationQueryCountTest {

    @Autowired
    NotificationInbox inbox;
    @Autowired
    Notifier notifier;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    Statistics statistics;

    @BeforeEach
    void countStatements() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void stopCounting() {
        statistics.setStatisticsEnabled(false);
    }

    @Test
    void listAndUnreadCountAreConstantInTheNumberOfNotifications() {
        Caller few = callerWith(6);
        Caller many = callerWith(60);

        assertThat(statements(() -> inbox.list(many, false, null, PageRequest.of(0, 5)).getContent()))
                .isEqualTo(statements(() -> inbox.list(few, false, null, PageRequest.of(0, 5)).getContent()))
                .isLessThanOrEqualTo(2);
        assertThat(statements(() -> inbox.list(many, true, "identity.invitation-accepted", PageRequest.of(0, 5))))
                .isEqualTo(statements(() -> inbox.list(few, true, "identity.invitation-accepted", PageRequest.of(0, 5))));
        assertThat(statements(() -> inbox.unreadCount(many))).isEqualTo(statements(() -> inbox.unreadCount(few)))
                .isEqualTo(1);
        assertThat(inbox.unreadCount(many)).isEqualTo(60);
    }

    private Caller callerWith(int notifications) {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        UUID user = tenant.userId("USER");
        IntStream.range(0, notifications).forEach(i -> transactions.executeWithoutResult(status -> notifier.notify(
                List.of(user), Notice.of(tenant.organizationId(), "identity.invitation-accepted", "N" + i, "m", null))));
        return new Caller(user, tenant.email("USER"), "Test USER", tenant.organizationId(), Set.of("USER"),
                Set.of("notification:read"), UUID.randomUUID());
    }

    /** The fewest statements of three runs: a background job's statement may land in one of them. */
    private long statements(Supplier<?> work) {
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            statistics.clear();
            work.get();
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }
}

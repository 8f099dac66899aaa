package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.notifications.Notice;
import app.covenant.notifications.Notifier;
import app.covenant.shared.security.Caller;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bell's count and the list cost the same number of statements for 6 notifications as for 60
 * (no N+1), counted as the statements the test's own thread prepares on the application's DataSource.
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

    /** Wraps the application's DataSource so that statements prepared on the counted thread are counted. */
    @TestConfiguration
    static class StatementCounting {

        static final AtomicLong PREPARED = new AtomicLong();
        static volatile Thread counted;

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource ? new Counting(dataSource) : bean;
                }
            };
        }

        private static final class Counting extends DelegatingDataSource {

            Counting(DataSource target) {
                super(target);
            }

            @Override
            public Connection getConnection() throws java.sql.SQLException {
                return counting(super.getConnection());
            }

            @Override
            public Connection getConnection(String user, String password) throws java.sql.SQLException {
                return counting(super.getConnection(user, password));
            }

            private static Connection counting(Connection connection) {
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (isStatement(method) && Thread.currentThread() == counted) {
                                PREPARED.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            private static boolean isStatement(Method method) {
                return method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
                        || method.getName().equals("prepareCall");
            }
        }
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

    private long statements(Supplier<?> work) {
        StatementCounting.counted = Thread.currentThread();
        try {
            long before = StatementCounting.PREPARED.get();
            work.get();
            return StatementCounting.PREPARED.get() - before;
        } finally {
            StatementCounting.counted = null;
        }
    }
}

package app.covenant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.shared.security.Caller;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@code GET /auth/me} costs the database once the caller's role is cached: the caller's state
 * (one statement, every authenticated request pays it) and the answer itself in two more — not a
 * re-read of the account, then the memberships, then the organizations, then their flags.
 * Statements are counted on this thread only, so background jobs do not blur the count.
 */
@IntegrationTest
@Import(MeQueryCountTest.CountingDataSource.class)
public class MeQueryCountTest {

    public static final AtomicInteger statements = new AtomicInteger();
    public static volatile Thread counted;
    /** Also count the statements of the embedded server's request threads (tests that go through HTTP). */
    public static volatile boolean countRequests;

    @Autowired
    CallerLoader callers;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void meCostsThreeStatements() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        UUID admin = tenant.userId("ADMIN");
        UUID session = UUID.randomUUID();
        Caller warm = callers.load(admin, tenant.organizationId(), session, UUID.randomUUID().toString()).orElseThrow();
        accounts.describe(warm);

        counted = Thread.currentThread();
        statements.set(0);
        try {
            Caller caller = callers.load(admin, tenant.organizationId(), session, UUID.randomUUID().toString())
                    .orElseThrow();
            assertThat(accounts.describe(caller).organizations()).extracting(OrganizationView::id)
                    .containsExactly(tenant.organizationId());
        } finally {
            counted = null;
        }

        assertThat(statements.get()).isLessThanOrEqualTo(3);
    }

    /** Wraps the pool so every statement executed on the counted thread is counted. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class CountingDataSource {

        @Bean
        static BeanPostProcessor countingDataSourcePostProcessor() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))
                            ? proxy(DataSource.class, dataSource) : bean;
                }
            };
        }

        @SuppressWarnings("unchecked")
        static <T> T proxy(Class<T> type, T target) {
            InvocationHandler handler = (self, method, args) -> {
                Object result = invoke(method, target, args);
                if (result instanceof Connection connection) {
                    return proxy(Connection.class, connection);
                }
                if (result instanceof Statement statement && !(result instanceof Proxy)) {
                    Class<?> face = result instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                            : result instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class
                            : Statement.class;
                    return proxy((Class<Object>) face, result);
                }
                if (method.getName().startsWith("execute") && counts(Thread.currentThread())) {
                    statements.incrementAndGet();
                }
                return result;
            };
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
        }

        private static boolean counts(Thread thread) {
            return thread == counted || (countRequests && thread.getName().startsWith("tomcat-handler"));
        }

        private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

package app.covenant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.Members;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link Members} answers in one statement however many people it names: a module notifying twenty
 * approvers or listing fifty uploaders pays one round trip, not one per person. Shares the counting
 * context of {@link MeQueryCountTest}.
 */
@IntegrationTest
@Import(MeQueryCountTest.CountingDataSource.class)
class MembersQueryCountTest {

    @Autowired
    Members members;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachQueryIsOneStatement() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);

        assertThat(statementsOf(() -> members.holding(tenant.organizationId(), "document:read"))).isEqualTo(1);
        assertThat(statementsOf(() -> members.byIds(tenant.organizationId(), List.copyOf(tenant.userIds().values()))))
                .isEqualTo(1);
    }

    private static int statementsOf(Supplier<?> query) {
        MeQueryCountTest.counted = Thread.currentThread();
        MeQueryCountTest.statements.set(0);
        try {
            Object answer = query.get();
            assertThat(answer).isNotNull();
        } finally {
            MeQueryCountTest.counted = null;
        }
        return MeQueryCountTest.statements.get();
    }
}

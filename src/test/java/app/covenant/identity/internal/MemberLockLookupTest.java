package app.covenant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.IdentityProperties;
import app.covenant.shared.security.Caller;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The users list reads the lock state of a whole page in one lookup of the lockout store (one Redis
 * {@code MGET}), not one per row, and still shows each lock to those who may lift it.
 */
@IntegrationTest
class MemberLockLookupTest {

    @Autowired
    NamedParameterJdbcTemplate namedJdbc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserRepository users;
    @Autowired
    MembershipRepository memberships;
    @Autowired
    RoleRepository roles;
    @Autowired
    LoginAttempts attempts;
    @Autowired
    MemberAuthority authority;
    @Autowired
    IdentityProperties properties;

    @Test
    void aPageOfMembersCostsOneLockLookup() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        IntStream.range(0, 6).forEach(i -> TestTenants.addUser(jdbc, tenant,
                "extra" + i + "-" + tenant.code().toLowerCase() + "@example.com", "USER"));
        String lockedEmail = tenant.email("USER");
        IntStream.range(0, properties.lockoutMaxFailures()).forEach(i -> attempts.recordFailure(lockedEmail));
        CountingAttempts counting = new CountingAttempts(attempts);
        MemberViews views = new MemberViews(namedJdbc, users, memberships, roles, counting, authority);
        Caller superAdmin = new Caller(tenant.userId("SUPER_ADMIN"), tenant.email("SUPER_ADMIN"), "Admin",
                tenant.organizationId(), Set.of(Caller.SUPER_ADMIN), Set.of(), UUID.randomUUID());

        Map<String, Boolean> lockedByEmail = views.list(superAdmin, MemberFilter.search(null), PageRequest.of(0, 50)).getContent().stream()
                .collect(Collectors.toMap(UserView::email, UserView::locked));

        assertThat(lockedByEmail).hasSizeGreaterThan(10);
        assertThat(counting.lookups.get()).isEqualTo(1);
        assertThat(lockedByEmail.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey))
                .containsExactly(lockedEmail);
        attempts.clear(lockedEmail);
    }

    private static final class CountingAttempts implements LoginAttempts {

        final AtomicInteger lookups = new AtomicInteger();
        private final LoginAttempts delegate;

        CountingAttempts(LoginAttempts delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Duration> lockedFor(String email) {
            lookups.incrementAndGet();
            return delegate.lockedFor(email);
        }

        @Override
        public Set<String> locked(Collection<String> emails) {
            lookups.incrementAndGet();
            return delegate.locked(emails);
        }

        @Override
        public Optional<Duration> recordFailure(String email) {
            return delegate.recordFailure(email);
        }

        @Override
        public void clear(String email) {
            delegate.clear(email);
        }
    }
}

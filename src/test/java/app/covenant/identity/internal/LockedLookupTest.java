package app.covenant.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.IdentityProperties;
import app.covenant.platform.config.RedisGuard;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The bulk lock lookup of the users list, in memory and with Redis down (the node's own counts still lock). */
class LockedLookupTest {

    private final IdentityProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("covenant.identity", IdentityProperties.class);
    private final Clock clock = Clock.systemUTC();
    private final InMemoryLoginAttempts memory = new InMemoryLoginAttempts(properties, clock);

    @Test
    void memoryAnswersTheLockedAddressesNormalized() {
        lock(memory, "Ana@Example.com");
        memory.recordFailure("bo@example.com");

        assertThat(memory.locked(List.of("ana@example.com", "BO@example.com", "cy@example.com")))
                .containsExactly("ana@example.com");
        assertThat(memory.locked(List.of())).isEmpty();
    }

    @Test
    void withRedisDownTheLocksCountedHereStillShow() {
        RedisFirstLoginAttempts attempts = new RedisFirstLoginAttempts(new UnreachableRedis(), memory,
                new RedisGuard(true, Duration.ofSeconds(10), clock));
        lock(attempts, "ana@example.com");

        assertThat(attempts.locked(List.of("ana@example.com", "bo@example.com"))).containsExactly("ana@example.com");
    }

    private void lock(LoginAttempts attempts, String email) {
        for (int i = 0; i < properties.lockoutMaxFailures(); i++) {
            attempts.recordFailure(email);
        }
    }

    private static final class UnreachableRedis implements LoginAttempts {

        @Override
        public Optional<Duration> lockedFor(String email) {
            throw new IllegalStateException("Redis does not answer");
        }

        @Override
        public Set<String> locked(Collection<String> emails) {
            throw new IllegalStateException("Redis does not answer");
        }

        @Override
        public Optional<Duration> recordFailure(String email) {
            throw new IllegalStateException("Redis does not answer");
        }

        @Override
        public void clear(String email) {
            throw new IllegalStateException("Redis does not answer");
        }
    }
}

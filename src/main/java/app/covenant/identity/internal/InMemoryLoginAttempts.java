package app.covenant.identity.internal;

import app.covenant.identity.IdentityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The same rules as {@link RedisLoginAttempts}, in this node's memory (embedded default, no Redis). */
class InMemoryLoginAttempts implements LoginAttempts {

    private record Counter(int count, Instant expiresAt) {
    }

    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final IdentityProperties properties;
    private final Clock clock;

    InMemoryLoginAttempts(IdentityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> lockedFor(String email) {
        Counter counter = current(LoginAttempts.key(email));
        if (counter == null || counter.count() < properties.lockoutMaxFailures()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(clock.instant(), counter.expiresAt()));
    }

    @Override
    public Set<String> locked(Collection<String> emails) {
        return emails.stream().filter(email -> lockedFor(email).isPresent()).map(User::normalize)
                .collect(Collectors.toSet());
    }

    @Override
    public Optional<Duration> recordFailure(String email) {
        Instant now = clock.instant();
        Counter updated = counters.compute(LoginAttempts.key(email), (key, counter) -> {
            if (counter == null || !now.isBefore(counter.expiresAt())) {
                return new Counter(1, now.plus(properties.lockoutWindow()));
            }
            int count = counter.count() + 1;
            Instant expiresAt = count == properties.lockoutMaxFailures()
                    ? now.plus(properties.lockoutDuration()) : counter.expiresAt();
            return new Counter(count, expiresAt);
        });
        return updated.count() == properties.lockoutMaxFailures()
                ? Optional.of(properties.lockoutDuration()) : Optional.empty();
    }

    @Override
    public void clear(String email) {
        counters.remove(LoginAttempts.key(email));
    }

    private Counter current(String key) {
        Counter counter = counters.get(key);
        if (counter != null && !clock.instant().isBefore(counter.expiresAt())) {
            counters.remove(key, counter);
            return null;
        }
        return counter;
    }
}

package app.covenant.identity.internal;

import app.covenant.platform.config.RedisGuard;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Lockout that outlives a Redis outage (SECURITY.md): the counters live in Redis, shared by every node;
 * while Redis does not answer, failures are counted in this node's memory instead, so guessing stays
 * locked out. A lock counted in memory still holds after Redis is back, until it runs out.
 */
class RedisFirstLoginAttempts implements LoginAttempts {

    private final LoginAttempts redis;
    private final LoginAttempts memory;
    private final RedisGuard guard;

    RedisFirstLoginAttempts(LoginAttempts redis, LoginAttempts memory, RedisGuard guard) {
        this.redis = redis;
        this.memory = memory;
        this.guard = guard;
    }

    @Override
    public Optional<Duration> lockedFor(String email) {
        Optional<Duration> shared = guard.call(() -> redis.lockedFor(email), Optional::empty);
        Optional<Duration> local = memory.lockedFor(email);
        if (shared.isPresent() && local.isPresent()) {
            return shared.get().compareTo(local.get()) >= 0 ? shared : local;
        }
        return shared.isPresent() ? shared : local;
    }

    @Override
    public Set<String> locked(Collection<String> emails) {
        Set<String> locked = new HashSet<>(guard.call(() -> redis.locked(emails), Set::of));
        locked.addAll(memory.locked(emails));
        return locked;
    }

    @Override
    public Optional<Duration> recordFailure(String email) {
        return guard.call(() -> redis.recordFailure(email), () -> memory.recordFailure(email));
    }

    @Override
    public void clear(String email) {
        memory.clear(email);
        guard.run(() -> redis.clear(email));
    }
}

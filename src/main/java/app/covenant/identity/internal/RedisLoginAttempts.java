package app.covenant.identity.internal;

import app.covenant.identity.IdentityProperties;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/** Failure counters shared by every node. The value of {@code lockout:{email}} is the count. */
class RedisLoginAttempts implements LoginAttempts {

    // One round trip, atomic across nodes: count, start the window on the first failure, and
    // restart the TTL as the lock period when the count reaches the limit.
    private static final RedisScript<Long> RECORD = new DefaultRedisScript<>("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            if count == tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return count
            """, Long.class);

    private final StringRedisTemplate redis;
    private final IdentityProperties properties;

    RedisLoginAttempts(StringRedisTemplate redis, IdentityProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public Optional<Duration> lockedFor(String email) {
        String key = LoginAttempts.key(email);
        String count = redis.opsForValue().get(key);
        if (count == null || Long.parseLong(count) < properties.lockoutMaxFailures()) {
            return Optional.empty();
        }
        Long ttlMillis = redis.getExpire(key, TimeUnit.MILLISECONDS);
        return Optional.of(ttlMillis == null || ttlMillis < 0 ? properties.lockoutDuration() : Duration.ofMillis(ttlMillis));
    }

    @Override
    public Set<String> locked(Collection<String> emails) {
        List<String> normalized = emails.stream().map(User::normalize).distinct().toList();
        if (normalized.isEmpty()) {
            return Set.of();
        }
        List<String> counts = redis.opsForValue().multiGet(normalized.stream().map(LoginAttempts::key).toList());
        Set<String> locked = new HashSet<>();
        for (int i = 0; counts != null && i < normalized.size(); i++) {
            if (counts.get(i) != null && Long.parseLong(counts.get(i)) >= properties.lockoutMaxFailures()) {
                locked.add(normalized.get(i));
            }
        }
        return locked;
    }

    @Override
    public Optional<Duration> recordFailure(String email) {
        Long count = redis.execute(RECORD, List.of(LoginAttempts.key(email)),
                String.valueOf(properties.lockoutWindow().toMillis()),
                String.valueOf(properties.lockoutDuration().toMillis()),
                String.valueOf(properties.lockoutMaxFailures()));
        return count != null && count == properties.lockoutMaxFailures()
                ? Optional.of(properties.lockoutDuration()) : Optional.empty();
    }

    @Override
    public void clear(String email) {
        redis.delete(LoginAttempts.key(email));
    }
}

package app.covenant.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import app.covenant.platform.config.RedisGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Revoked access tokens. The database is the source of truth (checked on every request together with
 * the user, see {@link CallerLoader}); Redis keeps {@code blacklist:{jti}} with the token's remaining
 * life as a fast, shared deny list — losing Redis never un-revokes a token, and a Redis that does not
 * answer is skipped ({@link RedisGuard}) rather than waited for.
 */
@Component
class AccessTokenRevocations {

    static String key(String jti) {
        return "blacklist:" + jti;
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<StringRedisTemplate> redis;
    private final RedisGuard guard;
    private final Clock clock;

    AccessTokenRevocations(JdbcTemplate jdbc, ObjectProvider<StringRedisTemplate> redis, RedisGuard guard,
                           Clock clock) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.guard = guard;
        this.clock = clock;
    }

    void revoke(String jti, UUID userId, Instant expiresAt) {
        Instant now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            return;
        }
        jdbc.update("""
                insert into revoked_access_tokens (jti, user_id, expires_at, revoked_at)
                select ?, ?, ?, ? where not exists (select 1 from revoked_access_tokens where jti = ?)
                """, jti, userId, java.sql.Timestamp.from(expiresAt), java.sql.Timestamp.from(now), jti);
        StringRedisTemplate template = redis.getIfAvailable();
        if (template != null) {
            Duration ttl = Duration.between(now, expiresAt);
            // The database already holds the revocation: a Redis that does not answer only loses the shortcut.
            Runnable cache = () -> guard.run(() -> template.opsForValue().set(key(jti), userId.toString(), ttl));
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        cache.run();
                    }
                });
            } else {
                cache.run();
            }
        }
    }

    /** Fast path: {@code true} when Redis already knows the token is revoked. */
    boolean knownRevoked(String jti) {
        StringRedisTemplate template = redis.getIfAvailable();
        // Redis is only a shortcut; the database check follows anyway.
        return template != null && guard.call(() -> Boolean.TRUE.equals(template.hasKey(key(jti))), () -> false);
    }

    int purgeExpired() {
        return jdbc.update("delete from revoked_access_tokens where expires_at < ?",
                java.sql.Timestamp.from(clock.instant()));
    }
}

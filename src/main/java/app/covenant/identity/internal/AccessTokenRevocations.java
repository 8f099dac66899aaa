package app.covenant.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Revoked access tokens. The database is the source of truth (checked on every request together with
 * the user, see {@link CallerLoader}); Redis keeps {@code blacklist:{jti}} with the token's remaining
 * life as a fast, shared deny list — losing Redis never un-revokes a token.
 */
@Component
class AccessTokenRevocations {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenRevocations.class);

    static String key(String jti) {
        return "blacklist:" + jti;
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<StringRedisTemplate> redis;
    private final Clock clock;

    AccessTokenRevocations(JdbcTemplate jdbc, ObjectProvider<StringRedisTemplate> redis, Clock clock) {
        this.jdbc = jdbc;
        this.redis = redis;
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
            Runnable cache = () -> {
                try {
                    template.opsForValue().set(key(jti), userId.toString(), ttl);
                } catch (RuntimeException e) {
                    log.warn("Could not cache a revocation in Redis (the database still holds it): {}", e.getMessage());
                }
            };
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
        try {
            return template != null && Boolean.TRUE.equals(template.hasKey(key(jti)));
        } catch (RuntimeException e) {
            return false; // Redis is only a shortcut; the database check follows anyway.
        }
    }

    int purgeExpired() {
        return jdbc.update("delete from revoked_access_tokens where expires_at < ?",
                java.sql.Timestamp.from(clock.instant()));
    }
}

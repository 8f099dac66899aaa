package app.covenant.platform.health;

import app.covenant.platform.config.RedisGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Whether Redis answers: {@code OFF} without {@code REDIS_URL}, {@code DEGRADED} while it does not answer
 * (the node still serves, on its fallbacks). Asked through {@link RedisGuard}, so a probe waits for a
 * silent Redis at most once per retry period.
 */
@Component
public class RedisProbe {

    private final ObjectProvider<RedisConnectionFactory> redis;
    private final RedisGuard guard;

    RedisProbe(ObjectProvider<RedisConnectionFactory> redis, RedisGuard guard) {
        this.redis = redis;
        this.guard = guard;
    }

    public RedisGuard.State check() {
        return guard.check(() -> {
            try (RedisConnection connection = redis.getObject().getConnection()) {
                if (!"PONG".equalsIgnoreCase(connection.ping())) {
                    throw new IllegalStateException("Redis did not answer PONG");
                }
                return true;
            }
        });
    }
}

package app.covenant.platform.config;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Redis as a shortcut that never holds a request up: commands time out after {@code REDIS_TIMEOUT}
 * ({@code spring.data.redis.timeout}), commands on a lost connection fail at once instead of queueing
 * until it is back, the connection is retried at least every few seconds, and {@link RedisGuard} stops
 * asking a Redis that did not answer for {@code REDIS_RETRY_AFTER}.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    private static final Duration LONGEST_RECONNECT_DELAY = Duration.ofSeconds(5);

    @Bean
    RedisGuard redisGuard(ObjectProvider<RedisConnectionFactory> redis, PlatformProperties properties, Clock clock) {
        return redis.getIfAvailable() == null ? RedisGuard.off(clock)
                : new RedisGuard(true, properties.redisRetryAfter(), clock);
    }

    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    ClientResourcesBuilderCustomizer shortReconnectDelay() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(100), LONGEST_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS));
    }
}

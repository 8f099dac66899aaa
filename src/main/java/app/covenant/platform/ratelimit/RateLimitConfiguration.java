package app.covenant.platform.ratelimit;

import app.covenant.platform.config.PlatformProperties;
import app.covenant.platform.config.RedisGuard;
import app.covenant.platform.http.ProblemResponseWriter;
import io.lettuce.core.RedisClient;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/** Rate limiting in Redis when {@code REDIS_URL} is set, in memory otherwise. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    ClientAddress clientAddress(RateLimitProperties properties) {
        return new ClientAddress(properties.trustedProxies());
    }

    @Bean
    BucketStore rateLimitBuckets(ObjectProvider<RedisConnectionFactory> redis, RateLimitProperties properties,
                                 RedisGuard guard, Clock clock) {
        RedisConnectionFactory factory = redis.getIfAvailable();
        if (factory == null) {
            log.info("Rate limits are kept in memory, per node: REDIS_URL is not set.");
            return new LocalBucketStore(properties.localBuckets(), new ClockTimeMeter(clock));
        }
        if (!(factory instanceof LettuceConnectionFactory lettuce)) {
            throw new IllegalStateException("Rate limiting needs Redis through Lettuce, not "
                    + factory.getClass().getName());
        }
        // The client Spring Boot configured from REDIS_URL (database, TLS, timeouts), asked for on first use.
        return new RedisBucketStore(() -> standalone(lettuce), properties.redisTimeout(), guard, clock);
    }

    private static RedisClient standalone(LettuceConnectionFactory factory) {
        if (factory.getRequiredNativeClient() instanceof RedisClient client) {
            return client;
        }
        throw new IllegalStateException("Rate limiting supports a single Redis server (REDIS_URL), not a cluster");
    }

    @Bean
    RateLimiting rateLimiting(RateLimitProperties properties, ClientAddress clientAddress, BucketStore buckets,
                              ProblemResponseWriter problems, JsonMapper json, PlatformProperties platform,
                              Clock clock, Environment environment) {
        if (!properties.enabled()) {
            log.info("Rate limiting is switched off (covenant.ratelimit.enabled=false).");
            return new RateLimiting((request, response, chain) -> chain.doFilter(request, response));
        }
        int peekLimit = (int) Math.min(SubmittedEmail.PEEK_LIMIT, platform.maxBodySize().toBytes());
        Filter filter = new RateLimitFilter(properties, clientAddress, new RateLimiter(buckets, clock), problems,
                json, peekLimit, request -> onManagementPort(request, environment));
        return new RateLimiting(filter);
    }

    private static boolean onManagementPort(HttpServletRequest request, Environment environment) {
        // Known once the management server has started on its own port (production); absent otherwise.
        String port = environment.getProperty("local.management.port");
        return port != null && Integer.parseInt(port) == request.getLocalPort()
                && !port.equals(environment.getProperty("local.server.port"));
    }
}

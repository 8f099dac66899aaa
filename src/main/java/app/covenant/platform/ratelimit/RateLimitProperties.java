package app.covenant.platform.ratelimit;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits ({@code covenant.ratelimit.*}). Every limit is a bucket refilled evenly over one minute.
 *
 * @param enabled        switch the limits off entirely ({@code RATE_LIMIT_ENABLED}; for benchmarks and tests)
 * @param perMinute      requests per minute per signed-in user, or per client IP when anonymous
 *                       ({@code RATE_LIMIT_PER_MINUTE})
 * @param authPerMinute  sign-in, refresh and password-reset requests per minute per client IP, and again per
 *                       e-mail address ({@code AUTH_RATE_LIMIT_PER_MINUTE})
 * @param trustedProxies IP addresses or CIDR ranges of the reverse proxies whose {@code X-Forwarded-For} is
 *                       believed ({@code TRUSTED_PROXIES}, comma separated; empty: nobody's)
 * @param localBuckets   most buckets kept in memory when there is no Redis
 * @param redisTimeout   longest wait for Redis before the request passes unlimited
 */
@Validated
@ConfigurationProperties("covenant.ratelimit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @DefaultValue("100") long perMinute,
        @Min(1) @DefaultValue("10") long authPerMinute,
        @NotNull @DefaultValue List<String> trustedProxies,
        @Min(100) @DefaultValue("100000") long localBuckets,
        @NotNull @DefaultValue("500ms") Duration redisTimeout) {

    RateLimitProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }

    @AssertTrue(message = "covenant.ratelimit.trusted-proxies (TRUSTED_PROXIES) must list IP addresses or CIDR "
            + "ranges, e.g. 10.0.0.0/8,192.0.2.10")
    boolean isTrustedProxiesValid() {
        try {
            trustedProxies.forEach(IpRange::parse);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @AssertTrue(message = "covenant.ratelimit.redis-timeout must be positive")
    boolean isRedisTimeoutPositive() {
        return redisTimeout == null || redisTimeout.isPositive();
    }
}

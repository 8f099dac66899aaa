package app.covenant.platform.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Redis is optional: with {@code REDIS_URL} ({@code redis://} or {@code rediss://} for TLS) it is the
 * shared fast state of every node; without it, Redis is switched off entirely and in-process
 * fallbacks take its place — no connection is attempted and health does not report it down.
 */
class RedisUrlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String VARIABLE = "REDIS_URL";

    private static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(VARIABLE);
        if (url != null && !url.isBlank()) {
            String trimmed = url.trim();
            if (!trimmed.startsWith("redis://") && !trimmed.startsWith("rediss://")) {
                DeferredConfigurationFailure.defer(environment,
                        new InvalidConfigurationException(VARIABLE + " must start with redis:// or rediss:// (TLS)"));
                return;
            }
            EnvironmentProperties.addBelowEnvironmentVariables(environment, "covenantRedisUrl",
                    Map.of("spring.data.redis.url", trimmed, "covenant.redis.enabled", true));
            return;
        }
        List<String> excluded = new ArrayList<>(REDIS_AUTO_CONFIGURATIONS);
        String alreadyExcluded = environment.getProperty("spring.autoconfigure.exclude");
        if (alreadyExcluded != null && !alreadyExcluded.isBlank()) {
            excluded.addAll(Arrays.asList(alreadyExcluded.split(",")));
        }
        EnvironmentProperties.addBelowEnvironmentVariables(environment, "covenantRedisOff",
                Map.of("spring.autoconfigure.exclude", String.join(",", excluded), "covenant.redis.enabled", false));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}

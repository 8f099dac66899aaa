package app.covenant.support;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Offers {@code covenant.test.redis-url} (see {@link TestServers#redis()}) to every application the tests
 * start; {@code application-test.yml} makes it the {@code REDIS_URL}. It is looked up only when asked
 * for, so contexts that never read it start no Redis, and it is in place before the application's own
 * post-processor reads {@code REDIS_URL}, which an initializer would not be.
 */
public class TestServersEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String REDIS_URL = "covenant.test.redis-url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new PropertySource<>("testServers") {
            @Override
            public Object getProperty(String name) {
                return REDIS_URL.equals(name) ? TestServers.redis() : null;
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 20;
    }
}

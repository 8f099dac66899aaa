package app.covenant.platform.config;

import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Places derived properties just below the environment variables, above {@code application.yml}. */
final class EnvironmentProperties {

    private EnvironmentProperties() {
    }

    static void addBelowEnvironmentVariables(ConfigurableEnvironment environment, String name,
                                             Map<String, Object> properties) {
        MapPropertySource source = new MapPropertySource(name, properties);
        String systemEnvironment = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        if (environment.getPropertySources().contains(systemEnvironment)) {
            environment.getPropertySources().addAfter(systemEnvironment, source);
        } else {
            environment.getPropertySources().addLast(source);
        }
    }
}

package app.covenant.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * An environment variable set to an empty value means "use the default": {@code STORAGE_LOCAL_DIR=}
 * in an env file is the same as no line at all. Docker's {@code --env-file}, compose's
 * {@code env_file} and Kubernetes config maps pass empty lines through as empty values, and none of
 * Covenant's settings means anything when empty that its default does not already mean.
 */
class EmptyVariablesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        PropertySource<?> variables = sources.get(name);
        if (variables == null || !(variables.getSource() instanceof Map<?, ?> values)) {
            return;
        }
        Map<String, Object> set = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null && !value.toString().isBlank()) {
                set.put(key.toString(), value);
            }
        });
        if (set.size() < values.size()) {
            sources.replace(name, new SystemEnvironmentPropertySource(name, set));
        }
    }

    @Override
    public int getOrder() {
        // After Spring Boot has set up the environment variables (HIGHEST_PRECEDENCE + 4, SPRING_APPLICATION_JSON
        // + 5), before the config files are read (+ 10), so profiles and imports see the defaults too.
        return Ordered.HIGHEST_PRECEDENCE + 6;
    }
}

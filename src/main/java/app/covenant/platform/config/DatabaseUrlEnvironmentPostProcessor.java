package app.covenant.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads {@code DATABASE_URL} and sets the datasource and pool from it. Without it the application
 * keeps the embedded H2 database of {@code application.yml}.
 */
class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String VARIABLE = "DATABASE_URL";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String value = environment.getProperty(VARIABLE);
        if (value == null || value.isBlank()) {
            return;
        }
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(value);
        } catch (InvalidConfigurationException e) {
            DeferredConfigurationFailure.defer(environment, e);
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url.jdbcUrl());
        if (url.username() != null) {
            properties.put("spring.datasource.username", url.username());
        }
        if (url.password() != null) {
            properties.put("spring.datasource.password", url.password());
        }
        if (url.maximumPoolSize() != null) {
            properties.put("spring.datasource.hikari.maximum-pool-size", url.maximumPoolSize());
        }
        if (url.connectionTimeoutMs() != null) {
            properties.put("spring.datasource.hikari.connection-timeout", url.connectionTimeoutMs());
        }
        EnvironmentProperties.addBelowEnvironmentVariables(environment, "covenantDatabaseUrl", properties);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}

package app.covenant.platform.config;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Resolves {@code DATA_DIR} (default {@code ./data}: the embedded database and local files) to an
 * absolute path once, as {@code covenant.data-dir}, so H2 and file storage agree on one place
 * whatever the working directory.
 */
class DataDirectoryEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String VARIABLE = "DATA_DIR";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(VARIABLE);
        Path directory = Path.of(configured == null || configured.isBlank() ? "./data" : configured.trim())
                .toAbsolutePath().normalize();
        EnvironmentProperties.addBelowEnvironmentVariables(environment, "covenantDataDirectory",
                Map.of("covenant.data-dir", directory.toString()));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}

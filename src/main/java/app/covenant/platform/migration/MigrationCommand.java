package app.covenant.platform.migration;

import java.util.Arrays;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar covenant.jar --migrate-only}: checks the configuration the application would start
 * with, then applies the Flyway migrations with it ({@code DATABASE_URL}) and exits, starting nothing
 * else — the Kubernetes migrations job and the compose {@code migrate} service run this. A setting the
 * application would refuse (a storage or e-mail provider without its settings, say) fails this step
 * before any migration, instead of the API failing over and over after it.
 */
public final class MigrationCommand {

    public static final String FLAG = "--migrate-only";

    private MigrationCommand() {
    }

    public static boolean isRequested(String[] args) {
        return Arrays.asList(args).contains(FLAG);
    }

    public static void run(String[] args) {
        String[] remaining = Arrays.stream(args).filter(arg -> !FLAG.equals(arg)).toArray(String[]::new);
        checkConfiguration(remaining);
        try (ConfigurableApplicationContext ignored = start(MigrationOnly.class, remaining)) {
            // Flyway migrated while the context started; closing it ends the command.
        }
    }

    /**
     * Fails, as the application's start would, when the configuration of these arguments and the
     * environment is refused; opens no connection.
     */
    public static void checkConfiguration(String[] args) {
        try (ConfigurableApplicationContext ignored = start(ConfigurationOnly.class, args)) {
            // Binding and validating every module's settings is the check; nothing else runs.
        }
    }

    private static ConfigurableApplicationContext start(Class<?> configuration, String[] args) {
        return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE).run(args);
    }

    /**
     * Every {@code @ConfigurationProperties} of the application, bound and validated as at a real start
     * (the environment checks of platform.config run for every start, this one included).
     */
    @ConfigurationPropertiesScan("app.covenant")
    static class ConfigurationOnly {
    }

    /** Only the datasource and Flyway: no web server, jobs or listeners. */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    static class MigrationOnly {
    }
}

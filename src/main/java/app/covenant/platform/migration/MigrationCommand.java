package app.covenant.platform.migration;

import java.util.Arrays;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar covenant.jar --migrate-only}: applies the Flyway migrations with the same
 * configuration as the application ({@code DATABASE_URL}, production checks) and exits, starting
 * nothing else — the Kubernetes migrations job and release scripts run this.
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
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(MigrationOnly.class)
                .web(WebApplicationType.NONE)
                .run(remaining)) {
            // Flyway migrated while the context started; closing it ends the command.
        }
    }

    /** Only the datasource and Flyway: no web server, jobs or listeners. */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    static class MigrationOnly {
    }
}

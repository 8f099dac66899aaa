package app.covenant;

import app.covenant.platform.migration.MigrationCommand;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Covenant: insurance compliance and contract lifecycle management in one modular monolith.
 * {@code --migrate-only} applies the database migrations and exits (the Kubernetes migrations job).
 */
// No generated in-memory user: it would print a password to the log.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class CovenantApplication {

    public static void main(String[] args) {
        // Every timestamp is stored and computed in UTC, whatever the host's zone.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        if (MigrationCommand.isRequested(args)) {
            MigrationCommand.run(args);
            return;
        }
        SpringApplication.run(CovenantApplication.class, args);
    }
}

package app.covenant.identity.internal;

import app.covenant.identity.IdentityProperties;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At startup: permissions and system roles first, then demo data (H2 only) or the first-start invitation. */
@Component
class IdentityStartup implements ApplicationRunner {

    private final PermissionCatalogSync catalog;
    private final DemoData demo;
    private final FirstStart firstStart;
    private final DataSource dataSource;
    private final IdentityProperties properties;

    IdentityStartup(PermissionCatalogSync catalog, DemoData demo, FirstStart firstStart, DataSource dataSource,
                    IdentityProperties properties) {
        this.catalog = catalog;
        this.demo = demo;
        this.firstStart = firstStart;
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        catalog.synchronize();
        if (properties.demoData() && isEmbeddedDatabase()) {
            demo.seedOnce();
        } else {
            firstStart.inviteFirstAdministrator();
        }
    }

    private boolean isEmbeddedDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().startsWith("H2");
        }
    }
}

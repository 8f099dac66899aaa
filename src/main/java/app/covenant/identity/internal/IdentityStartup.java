package app.covenant.identity.internal;

import app.covenant.identity.IdentityProperties;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At startup, before the web server accepts a request: permissions and system roles first, then
 * demo data (H2 only: the demo people, then the modules' records from {@code DemoDataSeeded}) or the
 * first-start invitation — so nobody can sign in half-way through seeding.
 */
@Component
class IdentityStartup implements SmartInitializingSingleton {

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
    public void afterSingletonsInstantiated() {
        catalog.synchronize();
        if (properties.demoData() && isEmbeddedDatabase()) {
            demo.seedOnce();
        } else {
            firstStart.inviteFirstAdministrator();
        }
    }

    private boolean isEmbeddedDatabase() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().startsWith("H2");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }
}

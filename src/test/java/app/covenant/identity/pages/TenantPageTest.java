package app.covenant.identity.pages;

import app.covenant.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A page test on an organization of its own, created before each test, with clients signed in as its users.
 * Subclasses share this one {@link PageTest} application context.
 */
@PageTest
abstract class TenantPageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    TestTenants.Tenant tenant;

    @BeforeEach
    void createTenant() {
        tenant = TestTenants.create(jdbc);
    }

    /** A client signed in as the tenant's user with this role. */
    PageClient signedIn(String role) {
        return PageClient.signedIn(port, tenant.email(role));
    }
}

package app.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The user search's {@code q} matches {@code %} and {@code _} literally, never as wildcards. */
@IntegrationTest
class UserSearchTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void percentAndUnderscoreAreLiteral() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        String domain = "@" + tenant.code().toLowerCase() + ".test";
        named(TestTenants.addUser(jdbc, tenant, "pct" + domain, "USER"), "Fully 100% Sure");
        named(TestTenants.addUser(jdbc, tenant, "zeros" + domain, "USER"), "Fully 1000 Sure");
        TestTenants.addUser(jdbc, tenant, "snake_case" + domain, "USER");
        TestTenants.addUser(jdbc, tenant, "snakexcase" + domain, "USER");
        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));

        assertThat(emails(admin, "100%")).containsExactly("pct" + domain);
        assertThat(emails(admin, "snake_")).containsExactly("snake_case" + domain);
        assertThat(emails(admin, "%")).containsExactly("pct" + domain);
        assertThat(emails(admin, "fully")).hasSize(2);
    }

    private void named(UUID userId, String name) {
        jdbc.update("update users set name = ? where id = ?", name, userId);
    }

    private List<String> emails(String token, String q) {
        JsonNode page = SignIn.get(http, "/api/v1/users?size=100&q=" + q, token).getBody();
        return page.get("content").valueStream().map(user -> user.get("email").asString()).toList();
    }
}

package app.covenant.platform.status;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Visitors learn whether the node is up, not which versions of what it runs; platform operators see it all. */
@IntegrationTest
class NodeStatusVisibilityTest {

    private static final String STATUS = "/api/v1/system/status";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anonymousCallersSeeNoVersionAndNoDatabaseProduct() {
        JsonNode status = http.getForObject(STATUS, JsonNode.class);

        assertThat(status.has("version")).as("version").isFalse();
        assertThat(status.has("database")).as("database product").isFalse();
        assertThat(status.toString()).doesNotContain("PostgreSQL");
        assertThat(status.get("databaseUp").asBoolean()).isTrue();
        assertThat(status.get("redis").asString()).isEqualTo("connected");
    }

    @Test
    void tenantUsersSeeNoDetailsEither() {
        String admin = SignIn.accessToken(http, TestTenants.create(jdbc).email("ADMIN"));

        JsonNode status = SignIn.get(http, STATUS, admin).getBody();

        assertThat(status.has("version")).isFalse();
        assertThat(status.has("database")).isFalse();
    }

    @Test
    void platformAdministratorsSeeVersionAndDatabase() {
        String operator = SignIn.accessToken(http, TestTenants.create(jdbc).email("SUPER_ADMIN"));

        JsonNode status = SignIn.get(http, STATUS, operator).getBody();

        assertThat(status.get("version").asString()).isNotBlank();
        assertThat(status.get("database").asString()).startsWith("PostgreSQL");
    }

    @Test
    void theSystemPageShowsTheDetailsToPlatformAdministratorsOnly() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));
        String operator = SignIn.accessToken(http, tenant.email("SUPER_ADMIN"));

        assertThat(panel(admin)).contains("data-fact=\"database\"").doesNotContain("PostgreSQL", "data-fact=\"version\"");
        assertThat(panel(operator)).contains("PostgreSQL", "data-fact=\"version\"");
    }

    private String panel(String accessToken) {
        HttpHeaders headers = SignIn.bearer(accessToken);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return http.exchange("/admin/system/node-status", HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
    }
}

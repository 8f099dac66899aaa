package app.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Users, roles, organizations and feature flags, within the caller's organization and permissions. */
@IntegrationTest
class AdministrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    TestTenants.Tenant tenant;
    String admin;

    @BeforeEach
    void tenant() {
        tenant = TestTenants.create(jdbc);
        admin = SignIn.accessToken(http, tenant.email("ADMIN"));
    }

    @Test
    void usersAreListedForTheCallersOrganizationOnly() {
        TestTenants.create(jdbc);

        JsonNode page = SignIn.get(http, "/api/v1/users?size=100&q=" + tenant.code().toLowerCase(), admin).getBody();

        assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(TestTenants.ROLES.length);
        assertThat(page.get("content").valueStream().map(user -> user.get("organizationId").asString()).distinct())
                .containsExactly(tenant.organizationId().toString());
    }

    @Test
    void aSearchTakesPercentAndUnderscoreLiterallyAndSortsByAnyListedColumn() {
        assertThat(total("/api/v1/users?q=%25")).isZero();
        assertThat(total("/api/v1/users?q=_")).as("legal_manager, legal_head, finance_manager, super_admin")
                .isEqualTo(4);
        assertThat(total("/api/v1/users?q=legal")).isEqualTo(2);
        JsonNode sorted = SignIn.get(http, "/api/v1/users?size=100&sort=email,desc", admin).getBody().get("content");
        assertThat(sorted.get(0).get("email").asString()).isEqualTo(tenant.email("USER"));
        for (String key : List.of("name", "status", "createdAt", "lastSignInAt")) {
            assertThat(total("/api/v1/users?sort=" + key + ",desc")).as(key).isEqualTo(TestTenants.ROLES.length);
        }
        assertThat(SignIn.get(http, "/api/v1/users?sort=passwordHash,desc", admin).getStatusCode().value())
                .as("a column outside the list is the client's mistake").isEqualTo(400);
    }

    @Test
    void listsOfUsersAndOrganizationsTakeTheConfiguredPageSize() {
        for (String list : List.of("/api/v1/users", "/api/v1/organizations")) {
            JsonNode page = SignIn.get(http, list, admin).getBody().get("page");
            assertThat(page.get("size").asInt()).as(list).isEqualTo(20);
        }
    }

    private int total(String path) {
        return SignIn.get(http, path, admin).getBody().get("page").get("totalElements").asInt();
    }

    @Test
    void anotherOrganizationsUserIsNotFound() {
        TestTenants.Tenant other = TestTenants.create(jdbc);
        UUID stranger = other.userId("USER");

        assertThat(SignIn.get(http, "/api/v1/users/" + stranger, admin).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(put("/api/v1/users/" + stranger, Map.of("roleCode", "USER")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(SignIn.post(http, "/api/v1/users/" + stranger + "/deactivate", null, admin).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(SignIn.get(http, "/api/v1/organizations/" + other.organizationId(), admin).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void nobodyGrantsARoleWithMorePermissionsThanTheyHold() {
        assertThat(SignIn.post(http, "/api/v1/roles", Map.of("code", "PEOPLE_OPS", "name", "People operations",
                "permissions", List.of("user:read", "user:invite", "user:manage")), admin).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(SignIn.post(http, "/api/v1/roles", Map.of("code", "VIEWER", "name", "Viewer",
                "permissions", List.of("user:read")), admin).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(put("/api/v1/users/" + tenant.userId("MANAGER"), Map.of("roleCode", "PEOPLE_OPS")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(put("/api/v1/users/" + tenant.userId("BROKER"), Map.of("roleCode", "VIEWER")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String peopleOps = SignIn.accessToken(http, tenant.email("MANAGER"));

        ResponseEntity<JsonNode> escalation = http.exchange("/api/v1/users/" + tenant.userId("BROKER"), HttpMethod.PUT,
                new HttpEntity<>(Map.of("roleCode", "ADMIN"), SignIn.bearer(peopleOps)), JsonNode.class);
        ResponseEntity<JsonNode> superAdmin = put("/api/v1/users/" + tenant.userId("USER"),
                Map.of("roleCode", "SUPER_ADMIN"));
        ResponseEntity<JsonNode> narrower = http.exchange("/api/v1/users/" + tenant.userId("BROKER"), HttpMethod.PUT,
                new HttpEntity<>(Map.of("roleCode", "PEOPLE_OPS"), SignIn.bearer(peopleOps)), JsonNode.class);
        ResponseEntity<JsonNode> outranked = http.exchange("/api/v1/users/" + tenant.userId("USER"), HttpMethod.PUT,
                new HttpEntity<>(Map.of("roleCode", "VIEWER"), SignIn.bearer(peopleOps)), JsonNode.class);

        assertThat(escalation.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(escalation.getBody().get("detail").asString()).contains("audit:read");
        assertThat(superAdmin.getStatusCode()).as("only a super admin makes super admins").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(narrower.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(outranked.getStatusCode()).as("the member's current role holds permissions the caller lacks")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(outranked.getBody().get("detail").asString()).contains("document:upload");
    }

    @Test
    void customRolesStayWithinTheCreatorsPermissionsAndOrganization() {
        ResponseEntity<JsonNode> created = SignIn.post(http, "/api/v1/roles", Map.of("code", "SITE_AUDITOR",
                "name", "Site auditor", "permissions", List.of("document:read", "notification:read")), admin);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(SignIn.post(http, "/api/v1/roles", Map.of("code", "TYPO", "name", "Typo",
                "permissions", List.of("document:reed")), admin).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        String roleId = created.getBody().get("id").asString();
        TestTenants.Tenant other = TestTenants.create(jdbc);
        String otherAdmin = SignIn.accessToken(http, other.email("ADMIN"));
        assertThat(SignIn.get(http, "/api/v1/roles/" + roleId, otherAdmin).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(put("/api/v1/users/" + tenant.userId("USER"), Map.of("roleCode", "SITE_AUDITOR")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String user = SignIn.accessToken(http, tenant.email("USER"));
        assertThat(SignIn.get(http, "/api/v1/auth/me", user).getBody().get("permissions").toString())
                .contains("document:read").doesNotContain("document:upload");
    }

    @Test
    void onlyASuperAdminEditsSystemRoles() {
        String managerRole = jdbc.queryForObject("select id from roles where scope_key = 'system' and code = 'MANAGER'",
                UUID.class).toString();
        Map<String, Object> body = Map.of("permissions", List.of("document:read"));

        assertThat(put("/api/v1/roles/" + managerRole, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        String superAdmin = SignIn.accessToken(http, tenant.email("SUPER_ADMIN"));
        ResponseEntity<JsonNode> edited = http.exchange("/api/v1/roles/" + managerRole, HttpMethod.PUT,
                new HttpEntity<>(Map.of("permissions", current(managerRole)), SignIn.bearer(superAdmin)), JsonNode.class);
        assertThat(edited.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void phoneNumbersAreEncryptedAtRest() {
        ResponseEntity<JsonNode> updated = put("/api/v1/users/" + tenant.userId("USER"), Map.of("phone", "+1 212 555 0100"));

        assertThat(updated.getBody().get("phone").asString()).isEqualTo("+1 212 555 0100");
        String stored = jdbc.queryForObject("select phone from users where id = ?", String.class, tenant.userId("USER"));
        assertThat(stored).startsWith("enc:v1:").doesNotContain("555");
    }

    @Test
    void anAdminAddsEntitiesAndSwitchesFeatures() {
        ResponseEntity<JsonNode> entity = SignIn.post(http, "/api/v1/organizations", Map.of("code",
                "E" + tenant.code().substring(1, 8), "name", "Site entity", "type", "ENTITY"), admin);
        assertThat(entity.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(entity.getBody().get("parentId").asString()).isEqualTo(tenant.organizationId().toString());
        assertThat(SignIn.post(http, "/api/v1/organizations", Map.of("code", "X" + tenant.code().substring(1, 8),
                "name", "Top level", "type", "PARENT"), admin).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // FIXTURE_PREVIEW: declared by the test fixture module (app.covenant.fixture).
        ResponseEntity<JsonNode> flags = put("/api/v1/feature-flags/fixture_preview", Map.of("enabled", true));
        assertThat(flags.getBody().get("FIXTURE_PREVIEW").asBoolean()).isTrue();
        assertThat(SignIn.get(http, "/api/v1/feature-flags", SignIn.accessToken(http, tenant.email("USER")))
                .getBody().get("FIXTURE_PREVIEW").asBoolean()).isTrue();
        assertThat(put("/api/v1/feature-flags/TELEPORTATION", Map.of("enabled", true)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void administrativeActionsAreAudited() {
        put("/api/v1/users/" + tenant.userId("USER"), Map.of("roleCode", "MANAGER"));
        SignIn.post(http, "/api/v1/users/" + tenant.userId("USER") + "/deactivate", null, admin);

        List<String> actions = jdbc.queryForList("select action from audit_log where organization_id = ? "
                + "order by id", String.class, tenant.organizationId());
        assertThat(actions).contains("auth.sign-in.succeeded", "user.updated", "user.deactivated");
    }

    private List<String> current(String roleId) {
        return jdbc.queryForList("select permission_code from role_permissions where role_id = ?", String.class,
                UUID.fromString(roleId));
    }

    private ResponseEntity<JsonNode> put(String path, Object body) {
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, SignIn.bearer(admin)), JsonNode.class);
    }
}

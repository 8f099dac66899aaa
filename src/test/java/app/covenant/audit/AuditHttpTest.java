package app.covenant.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The audit API and page through real sign-in: permissions, organizations, legal-only entries, filters, paging. */
@AuditIntegrationTest
class AuditHttpTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail trail;

    Tenant tenant;
    Tenant other;
    String tag;

    @BeforeEach
    void twoOrganizationsWithEntries() {
        tenant = TestTenants.create(jdbc);
        other = TestTenants.create(jdbc);
        tag = UUID.randomUUID().toString().substring(0, 8);
        UUID admin = tenant.userId("ADMIN");
        trail.record(AuditEntry.of("identity", "user.invited").organization(tenant.organizationId())
                .actor(admin, tenant.email("ADMIN")).target("user", "a1-" + tag).visibility(AuditVisibility.PUBLIC));
        trail.record(AuditEntry.of("identity", "user.updated").organization(tenant.organizationId())
                .actor(admin, tenant.email("ADMIN")).target("user", "a2-" + tag));
        trail.record(AuditEntry.of("contracts", "contract.reviewed").organization(tenant.organizationId())
                .actor(tenant.userId("LEGAL_HEAD"), tenant.email("LEGAL_HEAD")).target("contract", "a3-" + tag)
                .visibility(AuditVisibility.LEGAL_ONLY));
        trail.record(AuditEntry.of("identity", "user.invited").organization(other.organizationId())
                .actor(other.userId("ADMIN"), other.email("ADMIN")).target("user", "b1-" + tag));
    }

    @Test
    void needsSignInAndTheAuditPermission() {
        assertThat(http.getForEntity("/api/v1/audit", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String role : List.of("MANAGER", "USER", "LEGAL_MANAGER", "BROKER")) {
            String token = SignIn.accessToken(http, tenant.email(role));
            assertThat(SignIn.get(http, "/api/v1/audit", token).getStatusCode()).as(role).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(SignIn.get(http, "/api/v1/audit/verify", token).getStatusCode()).as(role)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void anAdministratorSeesOnlyTheirOrganizationNewestFirst() {
        String token = SignIn.accessToken(http, tenant.email("ADMIN"));

        JsonNode page = list(token, "?size=100");
        assertThat(entries(page)).allSatisfy(entry ->
                assertThat(entry.get("organizationId").asString()).isEqualTo(tenant.organizationId().toString()));
        assertThat(targets(page)).containsSubsequence("a3-" + tag, "a2-" + tag, "a1-" + tag)
                .doesNotContain("b1-" + tag);
        assertThat(targets(list(token, "?targetId=b1-" + tag))).isEmpty();
        assertThat(targets(list(SignIn.accessToken(http, other.email("ADMIN")), "?targetId=a1-" + tag))).isEmpty();
    }

    @Test
    void theOperatorSeesEveryOrganization() {
        String token = SignIn.accessToken(http, tenant.email("SUPER_ADMIN"));

        assertThat(targets(list(token, "?targetId=b1-" + tag))).containsExactly("b1-" + tag);
    }

    @Test
    void legalOnlyEntriesNeedTheLegalPermission() {
        String reader = SignIn.accessToken(http, readerWithoutLegal());
        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));

        assertThat(targets(list(reader, "?module=contracts"))).isEmpty();
        assertThat(targets(list(reader, "?size=100"))).contains("a1-" + tag, "a2-" + tag).doesNotContain("a3-" + tag);
        assertThat(targets(list(admin, "?module=contracts"))).containsExactly("a3-" + tag);
    }

    @Test
    void filtersAndPages() {
        String token = SignIn.accessToken(http, tenant.email("ADMIN"));
        UUID admin = tenant.userId("ADMIN");

        assertThat(targets(list(token, "?module=identity&action=user.invited"))).containsExactly("a1-" + tag);
        assertThat(targets(list(token, "?userId=" + admin + "&size=100"))).contains("a1-" + tag, "a2-" + tag)
                .doesNotContain("a3-" + tag);
        assertThat(targets(list(token, "?targetId=a2-" + tag))).containsExactly("a2-" + tag);
        assertThat(targets(list(token, "?targetId=a2-" + tag + "&from=2999-01-01T00:00:00Z"))).isEmpty();
        assertThat(targets(list(token, "?targetId=a2-" + tag + "&from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z")))
                .containsExactly("a2-" + tag);

        JsonNode second = list(token, "?userId=" + admin + "&size=1&page=1");
        assertThat(second.get("page").get("number").asInt()).isEqualTo(1);
        assertThat(second.get("page").get("size").asInt()).isEqualTo(1);
        assertThat(second.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(entries(second)).hasSize(1);
        assertThat(list(token, "?size=500").get("page").get("size").asInt()).isEqualTo(100);
        assertThat(SignIn.get(http, "/api/v1/audit?from=yesterday", token).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyThePlatformOperatorVerifiesTheChain() {
        ResponseEntity<JsonNode> response = SignIn.get(http, "/api/v1/audit/verify",
                SignIn.accessToken(http, tenant.email("SUPER_ADMIN")));
        // The chain spans every organization: its length is not a tenant's business.
        assertThat(SignIn.get(http, "/api/v1/audit/verify", SignIn.accessToken(http, tenant.email("ADMIN")))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("valid").asBoolean()).isTrue();
        assertThat(response.getBody().get("checked").asLong()).isPositive();
    }

    @Test
    void thePageIsForAuditReadersOnly() {
        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));
        ResponseEntity<String> page = html("/admin/audit?targetId=a1-" + tag, admin);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("a1-" + tag).doesNotContain("b1-" + tag, "Verify chain");
        assertThat(html("/admin/audit/verify", admin).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        String operator = SignIn.accessToken(http, tenant.email("SUPER_ADMIN"));
        assertThat(html("/admin/audit", operator).getBody()).contains("Verify chain");
        assertThat(html("/admin/audit/verify", operator).getBody()).contains("The chain is intact");
        assertThat(html("/", admin).getBody()).as("the navigation link").contains("href=\"/admin/audit\"");

        String manager = SignIn.accessToken(http, tenant.email("MANAGER"));
        assertThat(html("/admin/audit", manager).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(html("/", manager).getBody()).doesNotContain("href=\"/admin/audit\"");
    }

    private JsonNode list(String token, String query) {
        ResponseEntity<JsonNode> response = SignIn.get(http, "/api/v1/audit" + query, token);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<JsonNode> entries(JsonNode page) {
        return StreamSupport.stream(page.get("content").spliterator(), false).toList();
    }

    private List<String> targets(JsonNode page) {
        return entries(page).stream().map(entry -> entry.get("targetId").asString(""))
                .filter(target -> target.endsWith(tag)).toList();
    }

    private ResponseEntity<String> html(String path, String token) {
        HttpHeaders headers = SignIn.bearer(token);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    // A custom role of the tenant with audit:read but not audit:read:legal.
    private String readerWithoutLegal() {
        UUID role = UUID.randomUUID();
        jdbc.update("INSERT INTO roles (id, code, name, organization_id, scope_key, system_role, created_at) "
                        + "VALUES (?, 'AUDIT_READER', 'Audit reader', ?, ?, false, ?)", role, tenant.organizationId(),
                tenant.organizationId().toString(), Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
        jdbc.update("INSERT INTO role_permissions (role_id, permission_code) VALUES (?, 'audit:read')", role);
        String email = "auditor@" + tenant.code().toLowerCase(Locale.ROOT) + ".test";
        UUID user = TestTenants.addUser(jdbc, tenant, email, "MANAGER");
        jdbc.update("UPDATE memberships SET role_id = ? WHERE user_id = ?", role, user);
        return email;
    }
}

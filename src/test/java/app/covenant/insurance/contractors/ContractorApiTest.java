package app.covenant.insurance.contractors;

import static app.covenant.support.SignIn.get;
import static app.covenant.support.SignIn.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.insurance.PartyRows;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Contractors through the API: create/update with checks (400 changes nothing), filters and paging, who
 * sees which company (visibility matrix incl. another organization: 404), people, and delete-or-deactivate.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractorApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private Tenant tenant;
    private Tenant other;
    private final Map<String, String> tokens = new java.util.HashMap<>();
    private UUID gc;
    private UUID otherGc;
    private UUID sub;
    private UUID brokeredSub;
    private UUID lonelySub;

    @BeforeAll
    void data() {
        tenant = TestTenants.create(jdbc);
        other = TestTenants.create(jdbc);
        gc = PartyRows.contractor(jdbc, tenant.organizationId(), "GENERAL_CONTRACTOR", "Alpha Builders");
        otherGc = PartyRows.contractor(jdbc, tenant.organizationId(), "GENERAL_CONTRACTOR", "Beta Builders");
        sub = PartyRows.contractor(jdbc, tenant.organizationId(), "SUBCONTRACTOR", "Alpha Electric");
        brokeredSub = PartyRows.contractor(jdbc, tenant.organizationId(), "SUBCONTRACTOR", "Beta Roofing");
        lonelySub = PartyRows.contractor(jdbc, tenant.organizationId(), "SUBCONTRACTOR", "Gamma Plumbing");
        PartyRows.linkSub(jdbc, gc, sub);
        PartyRows.linkSub(jdbc, otherGc, brokeredSub);
        PartyRows.linkSub(jdbc, otherGc, lonelySub);
        PartyRows.linkUser(jdbc, gc, tenant.userId("CONTRACTOR"));
        PartyRows.linkUser(jdbc, sub, tenant.userId("SUBCONTRACTOR"));
        UUID project = PartyRows.project(jdbc, tenant.organizationId(), otherGc, "Tower");
        PartyRows.assign(jdbc, project, brokeredSub);
        PartyRows.coi(jdbc, tenant.organizationId(), project, brokeredSub, otherGc, "AWAITING_BROKER_UPLOAD",
                tenant.userId("BROKER"));
        PartyRows.standing(jdbc, tenant.organizationId(), brokeredSub, "NON_COMPLIANT");
    }

    private String token(Tenant t, String role) {
        return tokens.computeIfAbsent(t.code() + role, k -> SignIn.accessToken(http, t.email(role)));
    }

    private List<String> names(String role, String query) {
        ResponseEntity<JsonNode> answer = get(http, "/api/v1/contractors?size=100" + query, token(tenant, role));
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        answer.getBody().get("content").forEach(c -> names.add(c.get("name").asString()));
        return names;
    }

    @Test
    void each_role_sees_the_companies_of_its_relationship() {
        assertThat(names("MANAGER", "")).contains("Alpha Builders", "Beta Builders", "Alpha Electric", "Beta Roofing",
                "Gamma Plumbing");
        assertThat(names("CONTRACTOR", "")).contains("Alpha Builders", "Alpha Electric")
                .doesNotContain("Beta Builders", "Beta Roofing", "Gamma Plumbing");
        assertThat(names("SUBCONTRACTOR", "")).containsExactly("Alpha Electric");
        assertThat(names("BROKER", "")).containsExactly("Beta Roofing");
        assertThat(get(http, "/api/v1/contractors/" + otherGc, token(tenant, "CONTRACTOR")).getStatusCode().value())
                .isEqualTo(404);
        assertThat(get(http, "/api/v1/contractors/" + sub, token(tenant, "CONTRACTOR")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(get(http, "/api/v1/contractors/" + brokeredSub, token(tenant, "BROKER")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(get(http, "/api/v1/contractors/" + gc, token(tenant, "BROKER")).getStatusCode().value())
                .isEqualTo(404);
        assertThat(get(http, "/api/v1/contractors/" + gc, token(other, "ADMIN")).getStatusCode().value()).isEqualTo(404);
        assertThat(get(http, "/api/v1/contractors?size=100", token(other, "ADMIN")).getBody().get("content").size())
                .isZero();
    }

    @Test
    void filters_by_type_status_insurance_status_trade_and_text_with_paging() {
        JsonNode created = post(http, "/api/v1/contractors", Map.of("type", "SUBCONTRACTOR", "name", "Delta Scaffolding",
                "contactEmail", "Office@Delta.test", "trades", List.of(" Scaffolding ", "Steel  erection"),
                "gcIds", List.of(gc)), token(tenant, "MANAGER")).getBody();
        assertThat(created.get("contactEmail").asString()).isEqualTo("office@delta.test");
        assertThat(created.get("trades").toString()).isEqualTo("[\"Scaffolding\",\"Steel erection\"]");
        assertThat(created.get("insuranceStatus").asString()).isEqualTo("PENDING");
        assertThat(created.get("gcIds").get(0).asString()).isEqualTo(gc.toString());

        assertThat(names("MANAGER", "&type=GENERAL_CONTRACTOR")).containsExactly("Alpha Builders", "Beta Builders");
        assertThat(names("MANAGER", "&insuranceStatus=NON_COMPLIANT")).containsExactly("Beta Roofing");
        assertThat(names("MANAGER", "&trade=SCAFFOLDING")).containsExactly("Delta Scaffolding");
        assertThat(names("MANAGER", "&q=delta.TEST")).containsExactly("Delta Scaffolding");
        assertThat(names("MANAGER", "&q=builders&sort=name,desc")).containsExactly("Beta Builders", "Alpha Builders");
        assertThat(names("MANAGER", "&status=SUSPENDED")).isEmpty();
        JsonNode page = get(http, "/api/v1/contractors?type=GENERAL_CONTRACTOR&size=1&page=1", token(tenant, "MANAGER"))
                .getBody();
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(2);
        assertThat(page.get("page").get("totalPages").asLong()).isEqualTo(2);
        assertThat(page.get("content").get(0).get("name").asString()).isEqualTo("Beta Builders");
        assertThat(get(http, "/api/v1/contractors?status=NOPE", token(tenant, "MANAGER")).getStatusCode().value())
                .isEqualTo(400);
        assertThat(get(http, "/api/v1/contractors?sort=secret", token(tenant, "MANAGER")).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void bad_input_is_400_problem_json_and_changes_nothing() {
        long before = jdbc.queryForObject("select count(*) from insurance_contractors where organization_id = ?",
                Long.class, tenant.organizationId());
        ResponseEntity<JsonNode> answer = post(http, "/api/v1/contractors", Map.of("type", "SUBCONTRACTOR", "name", " ",
                "contactEmail", "not-an-address", "status", "GONE"), token(tenant, "MANAGER"));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(answer.getBody().toString()).contains("name", "contactEmail", "status");
        assertThat(post(http, "/api/v1/contractors", Map.of("type", "SUBCONTRACTOR", "name", "X",
                "gcIds", List.of(sub)), token(tenant, "MANAGER")).getStatusCode().value()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from insurance_contractors where organization_id = ?",
                Long.class, tenant.organizationId())).isEqualTo(before);
    }

    @Test
    void a_gc_person_adds_subs_to_their_own_gc_and_edits_only_what_they_see() {
        JsonNode created = post(http, "/api/v1/contractors", Map.of("type", "SUBCONTRACTOR", "name", "Epsilon HVAC"),
                token(tenant, "CONTRACTOR")).getBody();
        assertThat(created.get("gcIds").toString()).isEqualTo("[\"" + gc + "\"]");
        assertThat(post(http, "/api/v1/contractors", Map.of("type", "GENERAL_CONTRACTOR", "name", "Mine"),
                token(tenant, "CONTRACTOR")).getStatusCode().value()).isEqualTo(403);
        HttpEntity<Object> change = new HttpEntity<>(Map.of("name", "Renamed"), SignIn.bearer(token(tenant, "CONTRACTOR")));
        assertThat(http.exchange("/api/v1/contractors/" + otherGc, HttpMethod.PUT, change, JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        HttpEntity<Object> bySub = new HttpEntity<>(Map.of("name", "Renamed"), SignIn.bearer(token(tenant, "SUBCONTRACTOR")));
        assertThat(http.exchange("/api/v1/contractors/" + sub, HttpMethod.PUT, bySub, JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> renamed = http.exchange("/api/v1/contractors/" + created.get("id").asString(),
                HttpMethod.PUT, new HttpEntity<>(Map.of("name", "Epsilon Air", "trades", List.of("HVAC")),
                        SignIn.bearer(token(tenant, "CONTRACTOR"))), JsonNode.class);
        assertThat(renamed.getBody().get("name").asString()).isEqualTo("Epsilon Air");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where target_id = ? and action = 'contractor.updated'",
                Long.class, created.get("id").asString())).isEqualTo(1);
    }

    @Test
    void people_are_invited_by_link_with_the_party_role_and_linked() {
        String path = "/api/v1/contractors/" + lonelySub + "/people";
        ResponseEntity<JsonNode> invited = post(http, path, Map.of("email", "Foreman@Gamma.test", "name", "Gus Foreman"),
                token(tenant, "MANAGER"));
        assertThat(invited.getStatusCode().value()).as("%s", invited.getBody()).isEqualTo(201);
        UUID userId = UUID.fromString(invited.getBody().get("userId").asString());
        assertThat(jdbc.queryForObject("select r.code from memberships m join roles r on r.id = m.role_id "
                + "where m.user_id = ? and m.organization_id = ?", String.class, userId, tenant.organizationId()))
                .isEqualTo("SUBCONTRACTOR");
        JsonNode people = get(http, path, token(tenant, "MANAGER")).getBody();
        assertThat(people.get(0).get("email").asString()).isEqualTo("foreman@gamma.test");
        assertThat(http.exchange(path + "/" + userId, HttpMethod.DELETE,
                new HttpEntity<>(SignIn.bearer(token(tenant, "MANAGER"))), JsonNode.class).getStatusCode().value())
                .isEqualTo(204);
        assertThat(get(http, path, token(tenant, "MANAGER")).getBody().size()).isZero();
    }

    @Test
    void a_company_with_records_is_deactivated_not_deleted() {
        ResponseEntity<JsonNode> kept = http.exchange("/api/v1/contractors/" + brokeredSub, HttpMethod.DELETE,
                new HttpEntity<>(SignIn.bearer(token(tenant, "MANAGER"))), JsonNode.class);
        assertThat(kept.getStatusCode().value()).isEqualTo(200);
        assertThat(kept.getBody().get("status").asString()).isEqualTo("INACTIVE");
        UUID unused = PartyRows.contractor(jdbc, tenant.organizationId(), "SUBCONTRACTOR", "Unused Co");
        assertThat(http.exchange("/api/v1/contractors/" + unused, HttpMethod.DELETE,
                new HttpEntity<>(SignIn.bearer(token(tenant, "MANAGER"))), JsonNode.class).getStatusCode().value())
                .isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from insurance_contractors where id = ?", Long.class, unused))
                .isZero();
        JsonNode standing = get(http, "/api/v1/contractors/" + brokeredSub + "/insurance-status", token(tenant, "MANAGER"))
                .getBody();
        assertThat(standing.get("insuranceStatus").asString()).isEqualTo("NON_COMPLIANT");
        assertThat(standing.get("projects").get(0).get("projectName").asString()).isEqualTo("Tower");
    }
}

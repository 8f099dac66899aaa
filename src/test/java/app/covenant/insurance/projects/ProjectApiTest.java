package app.covenant.insurance.projects;

import static app.covenant.support.SignIn.get;
import static app.covenant.support.SignIn.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.insurance.PartyRows;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * Projects through the API: every field, checks (end before start, borough), a GC's people only for their
 * own GC, visibility per role and across organizations, and the assignment of a sub (event once, 409 twice).
 */
@IntegrationTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    ProjectRegistry registry;

    private Tenant tenant;
    private Tenant other;
    private final Map<String, String> tokens = new HashMap<>();
    private UUID gc;
    private UUID otherGc;
    private UUID sub;
    private UUID brokeredSub;
    private UUID ownProject;
    private UUID otherProject;
    private UUID brokeredProject;

    @BeforeAll
    void data() {
        tenant = TestTenants.create(jdbc);
        other = TestTenants.create(jdbc);
        gc = PartyRows.contractor(jdbc, tenant.organizationId(), "GENERAL_CONTRACTOR", "Alpha Builders");
        otherGc = PartyRows.contractor(jdbc, tenant.organizationId(), "GENERAL_CONTRACTOR", "Beta Builders");
        sub = PartyRows.contractor(jdbc, tenant.organizationId(), "SUBCONTRACTOR", "Alpha Electric");
        brokeredSub = PartyRows.contractor(jdbc, tenant.organizationId(), "SUBCONTRACTOR", "Beta Roofing");
        PartyRows.linkUser(jdbc, gc, tenant.userId("CONTRACTOR"));
        PartyRows.linkUser(jdbc, sub, tenant.userId("SUBCONTRACTOR"));
        ownProject = PartyRows.project(jdbc, tenant.organizationId(), gc, "Alpha Tower");
        otherProject = PartyRows.project(jdbc, tenant.organizationId(), otherGc, "Beta Plaza");
        brokeredProject = PartyRows.project(jdbc, tenant.organizationId(), otherGc, "Beta Depot");
        PartyRows.assign(jdbc, otherProject, sub);
        PartyRows.assign(jdbc, brokeredProject, brokeredSub);
        PartyRows.coi(jdbc, tenant.organizationId(), brokeredProject, brokeredSub, otherGc, "ACTIVE",
                tenant.userId("BROKER"));
    }

    private String token(Tenant t, String role) {
        return tokens.computeIfAbsent(t.code() + role, k -> SignIn.accessToken(http, t.email(role)));
    }

    private List<String> names(String role, String query) {
        ResponseEntity<JsonNode> answer = get(http, "/api/v1/projects?size=100" + query, token(tenant, role));
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        answer.getBody().get("content").forEach(c -> names.add(c.get("name").asString()));
        return names;
    }

    private Map<String, Object> everyField(UUID gcId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Hudson Yards Lot 7");
        body.put("description", "Twelve-storey residential");
        body.put("address", "500 W 33rd St, New York, NY");
        body.put("startDate", "2027-01-10");
        body.put("endDate", "2028-06-30");
        body.put("status", "ACTIVE");
        body.put("gcId", gcId);
        body.put("ownerEntity", "Hudson Owner LLC");
        body.put("additionalInsureds", List.of("Hudson Owner LLC", "City of New York", "MTA"));
        body.put("borough", "manhattan");
        body.put("block", "702");
        body.put("lot", "7501");
        body.put("buildingHeight", "140 ft");
        body.put("structureType", "Concrete frame");
        body.put("contactName", "Pat Site");
        body.put("contactEmail", "Pat@Hudson.test");
        body.put("contactPhone", "+1 212 555 0100");
        body.put("assignedAdminEmail", "reviewer@hudson.test");
        return body;
    }

    @Test
    void creates_and_changes_a_project_with_every_field() {
        ResponseEntity<JsonNode> created = post(http, "/api/v1/projects", everyField(gc), token(tenant, "MANAGER"));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        JsonNode p = created.getBody();
        assertThat(p.get("borough").asString()).isEqualTo("Manhattan");
        assertThat(p.get("gcName").asString()).isEqualTo("Alpha Builders");
        assertThat(p.get("contactEmail").asString()).isEqualTo("pat@hudson.test");
        assertThat(p.get("additionalInsureds").toString()).isEqualTo("[\"Hudson Owner LLC\",\"City of New York\",\"MTA\"]");
        assertThat(p.get("startDate").asString()).isEqualTo("2027-01-10");
        Map<String, Object> changed = everyField(gc);
        changed.put("additionalInsureds", List.of("MTA", "Hudson Owner LLC"));
        changed.put("status", "ON_HOLD");
        ResponseEntity<JsonNode> updated = http.exchange("/api/v1/projects/" + p.get("id").asString(), HttpMethod.PUT,
                new HttpEntity<>(changed, SignIn.bearer(token(tenant, "MANAGER"))), JsonNode.class);
        assertThat(updated.getBody().get("additionalInsureds").toString()).isEqualTo("[\"MTA\",\"Hudson Owner LLC\"]");
        assertThat(updated.getBody().get("status").asString()).isEqualTo("ON_HOLD");
    }

    @Test
    void refuses_an_end_before_the_start_and_an_unknown_borough_changing_nothing() {
        long before = jdbc.queryForObject("select count(*) from insurance_projects where organization_id = ?", Long.class,
                tenant.organizationId());
        Map<String, Object> body = everyField(gc);
        body.put("endDate", "2026-01-01");
        body.put("borough", "Jersey");
        ResponseEntity<JsonNode> answer = post(http, "/api/v1/projects", body, token(tenant, "MANAGER"));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(answer.getBody().toString()).contains("endDate", "borough");
        assertThat(jdbc.queryForObject("select count(*) from insurance_projects where organization_id = ?", Long.class,
                tenant.organizationId())).isEqualTo(before);
    }

    @Test
    void a_gc_person_creates_projects_for_their_own_gc_only() {
        Map<String, Object> body = everyField(null);
        body.put("name", "Contractor's own");
        ResponseEntity<JsonNode> own = post(http, "/api/v1/projects", body, token(tenant, "CONTRACTOR"));
        assertThat(own.getStatusCode().value()).as("%s", own.getBody()).isEqualTo(201);
        assertThat(own.getBody().get("gcId").asString()).isEqualTo(gc.toString());
        assertThat(post(http, "/api/v1/projects", everyField(otherGc), token(tenant, "CONTRACTOR")).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void each_role_sees_the_projects_of_its_relationship() {
        assertThat(names("MANAGER", "")).contains("Alpha Tower", "Beta Plaza", "Beta Depot");
        assertThat(names("CONTRACTOR", "")).contains("Alpha Tower").doesNotContain("Beta Plaza", "Beta Depot");
        assertThat(names("SUBCONTRACTOR", "")).containsExactly("Beta Plaza");
        assertThat(names("BROKER", "")).containsExactly("Beta Depot");
        assertThat(names("MANAGER", "&gcId=" + otherGc + "&q=PLAZA")).containsExactly("Beta Plaza");
        assertThat(names("MANAGER", "&status=CANCELLED")).isEmpty();
        assertThat(get(http, "/api/v1/projects/" + ownProject, token(tenant, "BROKER")).getStatusCode().value())
                .isEqualTo(404);
        assertThat(get(http, "/api/v1/projects/" + ownProject, token(other, "ADMIN")).getStatusCode().value())
                .isEqualTo(404);
        assertThat(get(http, "/api/v1/projects?size=100", token(other, "ADMIN")).getBody().get("content").size()).isZero();
        // A sub's people see their own assignment on a project, not the other subs on it.
        PartyRows.assign(jdbc, brokeredProject, sub);
        JsonNode subs = get(http, "/api/v1/projects/" + brokeredProject + "/subcontractors", token(tenant, "SUBCONTRACTOR"))
                .getBody();
        assertThat(subs.size()).isEqualTo(1);
        assertThat(subs.get(0).get("subcontractorName").asString()).isEqualTo("Alpha Electric");
        JsonNode all = get(http, "/api/v1/projects/" + brokeredProject + "/subcontractors", token(tenant, "MANAGER")).getBody();
        assertThat(all.size()).isEqualTo(2);
        assertThat(all.findValuesAsString("latestCoiStatus")).contains("ACTIVE");
    }

    /** Recorded events are those of the test's own thread: the service is called here, as the controller calls it. */
    @Test
    void an_assignment_publishes_subcontractor_assigned_exactly_once() {
        UUID another = PartyRows.contractor(jdbc, tenant.organizationId(), "SUBCONTRACTOR", "Event Glazing");
        Caller manager = new Caller(tenant.userId("MANAGER"), tenant.email("MANAGER"), "Test MANAGER",
                tenant.organizationId(), Set.of("MANAGER"), Set.of("insurance:all", "project:read", "project:write"), null);
        AssignmentView assignment = registry.assign(manager, ownProject, another, List.of("Glazing"));
        assertThat(events.stream(SubcontractorAssigned.class).filter(e -> e.subId().equals(another)).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.assignmentId()).isEqualTo(assignment.id());
                    assertThat(e.projectId()).isEqualTo(ownProject);
                    assertThat(e.organizationId()).isEqualTo(tenant.organizationId());
                    assertThat(e.trades()).containsExactly("Glazing");
                });
        assertThatThrownBy(() -> registry.assign(manager, ownProject, another, List.of()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThat(events.stream(SubcontractorAssigned.class).filter(e -> e.subId().equals(another))).hasSize(1);
    }

    @Test
    void assigning_a_sub_links_it_publishes_the_event_once_and_refuses_a_second_time() {
        UUID fresh = PartyRows.contractor(jdbc, tenant.organizationId(), "SUBCONTRACTOR", "Fresh Framing");
        String path = "/api/v1/projects/" + ownProject + "/subcontractors";
        ResponseEntity<JsonNode> assigned = post(http, path, Map.of("subcontractorId", fresh,
                "trades", List.of("Framing", " framing ", "Drywall")), token(tenant, "MANAGER"));
        assertThat(assigned.getStatusCode().value()).as("%s", assigned.getBody()).isEqualTo(201);
        assertThat(assigned.getBody().get("trades").toString()).isEqualTo("[\"Drywall\",\"Framing\"]");
        assertThat(jdbc.queryForObject("select count(*) from insurance_gc_subcontractors where gc_id = ? and sub_id = ?",
                Long.class, gc, fresh)).isEqualTo(1);
        ResponseEntity<JsonNode> again = post(http, path, Map.of("subcontractorId", fresh, "trades", List.of("Framing")),
                token(tenant, "MANAGER"));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(post(http, "/api/v1/projects/" + otherProject + "/subcontractors", Map.of("subcontractorId", fresh),
                token(tenant, "CONTRACTOR")).getStatusCode().value()).isEqualTo(404);
        assertThat(post(http, "/api/v1/projects/" + otherProject + "/subcontractors", Map.of("subcontractorId", fresh),
                token(tenant, "SUBCONTRACTOR")).getStatusCode().value()).isEqualTo(403);
    }
}

package app.covenant.insurance.programs;

import static app.covenant.support.SignIn.get;
import static app.covenant.support.SignIn.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.insurance.PartyRows;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * Programs through the API: the default seeded (idempotently) for existing and new organizations, the rules
 * of tiers (400 with the problems; validate without saving), the default and in-use programs kept (409),
 * assignment to a project with overrides stored as ProjectOverrides JSON, and the statistics.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgramApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DefaultPrograms defaults;

    private Tenant tenant;
    private Tenant other;
    private final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    void data() {
        tenant = TestTenants.create(jdbc);
        other = TestTenants.create(jdbc);
        defaults.seed(tenant.organizationId());
        defaults.seed(other.organizationId());
    }

    private String token(Tenant t, String role) {
        return tokens.computeIfAbsent(t.code() + role, k -> SignIn.accessToken(http, t.email(role)));
    }

    private UUID defaultProgram(UUID organizationId) {
        return jdbc.queryForObject("select id from insurance_programs where organization_id = ? and is_default = true",
                UUID.class, organizationId);
    }

    private static Map<String, Object> program(String name, List<Map<String, Object>> tiers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("minimums", Map.of("GL_EACH_OCCURRENCE", 1_000_000, "AUTO_COMBINED_SINGLE_LIMIT", 1_000_000));
        body.put("wcStatutoryRequired", true);
        body.put("additionalInsuredRequired", true);
        body.put("waiverOfSubrogationRequired", true);
        body.put("requiredEndorsements", List.of("CG 20 10"));
        body.put("minimumCarrierRating", "a-");
        body.put("tiers", tiers);
        return body;
    }

    private static Map<String, Object> tier(String name, List<String> trades, boolean allOther) {
        return Map.of("name", name, "trades", trades, "allOtherTrades", allOther,
                "minimums", Map.of("GL_EACH_OCCURRENCE", 2_000_000, "UMBRELLA_EACH_OCCURRENCE", 5_000_000));
    }

    @Test
    void the_default_program_is_seeded_once_with_the_standard_requirements() {
        assertThat(defaults.seed(tenant.organizationId())).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from insurance_programs where organization_id = ? and (is_default "
                + "= true or name = 'Standard subcontractor program')", Long.class, tenant.organizationId())).isEqualTo(1);
        JsonNode program = get(http, "/api/v1/programs/" + defaultProgram(tenant.organizationId()), token(tenant, "MANAGER"))
                .getBody();
        assertThat(program.get("name").asString()).isEqualTo("Standard subcontractor program");
        assertThat(program.get("isDefault").asBoolean()).isTrue();
        assertThat(program.get("minimums").get("GL_GENERAL_AGGREGATE").asLong()).isEqualTo(2_000_000);
        assertThat(program.get("minimums").get("WC_EL_DISEASE_POLICY_LIMIT").asLong()).isEqualTo(1_000_000);
        assertThat(program.get("tiers").size()).isEqualTo(3);
        assertThat(program.get("tiers").get(0).get("name").asString()).isEqualTo("High-risk trades");
        assertThat(program.get("tiers").get(0).get("minimums").get("UMBRELLA_EACH_OCCURRENCE").asLong())
                .isEqualTo(10_000_000);
        assertThat(program.get("tiers").get(2).get("allOtherTrades").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from insurance_program_tier_trades where program_id = ? "
                + "and trade_key = 'steel erection'", Long.class, defaultProgram(tenant.organizationId()))).isEqualTo(1);
    }

    @Test
    void a_new_organization_gets_the_default_program() {
        String code = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        ResponseEntity<JsonNode> created = post(http, "/api/v1/organizations", Map.of("code", code, "name", "Fresh Org",
                "type", "PARENT"), token(tenant, "SUPER_ADMIN"));
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        UUID organization = UUID.fromString(created.getBody().get("id").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("select count(*) from insurance_programs "
                + "where organization_id = ? and is_default = true", Long.class, organization) == 1);
    }

    @Test
    void tier_rules_are_checked_before_saving_and_validate_answers_the_problems() {
        Map<String, Object> broken = program("Broken", List.of(tier("High", List.of("Roofing"), false),
                tier("Also high", List.of(" roofing "), true), tier("Rest", List.of(), true)));
        ((Map<String, Object>) broken).put("minimums", Map.of("GL_EACH_OCCURRENCE", -5));
        ResponseEntity<JsonNode> refused = post(http, "/api/v1/programs", broken, token(tenant, "MANAGER"));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(refused.getBody().toString()).contains("in tier \\\"High\\\" and in tier \\\"Also high\\\"",
                "Only one tier may be", "must not be negative");
        assertThat(jdbc.queryForObject("select count(*) from insurance_programs where name = 'Broken'", Long.class)).isZero();
        JsonNode validation = post(http, "/api/v1/programs/validate", broken, token(tenant, "MANAGER")).getBody();
        assertThat(validation.get("valid").asBoolean()).isFalse();
        assertThat(validation.get("problems").size()).isEqualTo(3);
        JsonNode fine = post(http, "/api/v1/programs/validate", program("Fine", List.of()), token(tenant, "MANAGER"))
                .getBody();
        assertThat(fine.get("valid").asBoolean()).isTrue();
        assertThat(post(http, "/api/v1/programs/validate", broken, token(tenant, "CONTRACTOR")).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void the_default_and_programs_in_use_are_kept_and_a_project_takes_a_program_with_overrides() {
        String manager = token(tenant, "MANAGER");
        ResponseEntity<JsonNode> created = post(http, "/api/v1/programs", program("Heavy civil",
                List.of(tier("Cranes", List.of("Crane"), false))), manager);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        assertThat(created.getBody().get("minimumCarrierRating").asString()).isEqualTo("A-");
        String id = created.getBody().get("id").asString();
        HttpEntity<Void> auth = new HttpEntity<>(SignIn.bearer(manager));
        assertThat(http.exchange("/api/v1/programs/" + defaultProgram(tenant.organizationId()), HttpMethod.DELETE, auth,
                JsonNode.class).getStatusCode().value()).isEqualTo(409);

        UUID gc = PartyRows.contractor(jdbc, tenant.organizationId(), "GENERAL_CONTRACTOR", "Civil GC");
        UUID sub = PartyRows.contractor(jdbc, tenant.organizationId(), "SUBCONTRACTOR", "Crane Co");
        UUID project = PartyRows.project(jdbc, tenant.organizationId(), gc, "Bridge");
        PartyRows.assign(jdbc, project, sub);
        PartyRows.standing(jdbc, tenant.organizationId(), sub, "COMPLIANT");
        ResponseEntity<JsonNode> assigned = post(http, "/api/v1/programs/" + id + "/assign-project", Map.of("projectId",
                project, "overrides", Map.of("minimums", Map.of("GL_EACH_OCCURRENCE", 3_000_000),
                        "waiverOfSubrogationRequired", false)), manager);
        assertThat(assigned.getStatusCode().value()).as("%s", assigned.getBody()).isEqualTo(200);
        assertThat(assigned.getBody().get("programName").asString()).isEqualTo("Heavy civil");
        String stored = jdbc.queryForObject("select program_overrides from insurance_projects where id = ?", String.class,
                project);
        assertThat(stored).contains("\"GL_EACH_OCCURRENCE\":3000000", "\"waiverOfSubrogationRequired\":false");
        assertThat(http.exchange("/api/v1/programs/" + id, HttpMethod.DELETE, auth, JsonNode.class).getStatusCode().value())
                .isEqualTo(409);

        JsonNode stats = get(http, "/api/v1/programs/stats", manager).getBody();
        JsonNode heavy = null;
        for (JsonNode s : stats) {
            if (s.get("programId").asString().equals(id)) {
                heavy = s;
            }
        }
        assertThat(heavy.get("projects").asLong()).isEqualTo(1);
        assertThat(heavy.get("subcontractors").asLong()).isEqualTo(1);
        assertThat(heavy.get("compliant").asLong()).isEqualTo(1);

        assertThat(get(http, "/api/v1/programs/" + id, token(other, "ADMIN")).getStatusCode().value()).isEqualTo(404);
        assertThat(get(http, "/api/v1/programs/" + id, token(tenant, "CONTRACTOR")).getStatusCode().value()).isEqualTo(200);
        assertThat(get(http, "/api/v1/programs/" + id, token(tenant, "SUBCONTRACTOR")).getStatusCode().value())
                .isEqualTo(403);
    }
}

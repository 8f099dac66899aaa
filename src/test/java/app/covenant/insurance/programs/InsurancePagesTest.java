package app.covenant.insurance.programs;

import static app.covenant.support.PageClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.insurance.PartyRows;
import app.covenant.support.IntegrationTest;
import app.covenant.support.PageClient;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contractor, project and program pages: they render, their forms post-redirect-get (or answer 400 with
 * the problem and store nothing), and who may not change a record gets no buttons and a 403 on POST.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsurancePagesTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DefaultPrograms defaults;

    @LocalServerPort
    int port;

    private Tenant tenant;
    private PageClient manager;
    private PageClient contractor;
    private UUID gc;

    @BeforeAll
    void data() {
        tenant = TestTenants.create(jdbc);
        defaults.seed(tenant.organizationId());
        gc = PartyRows.contractor(jdbc, tenant.organizationId(), "GENERAL_CONTRACTOR", "Page Builders");
        PartyRows.linkUser(jdbc, gc, tenant.userId("CONTRACTOR"));
        manager = new PageClient(port, SignIn.accessToken(http, tenant.email("MANAGER")));
        contractor = new PageClient(port, SignIn.accessToken(http, tenant.email("CONTRACTOR")));
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void a_contractor_is_added_shown_and_listed_through_the_pages() {
        HttpResponse<String> refused = manager.post("/insurance/contractors/new", "/insurance/contractors",
                List.of(field("type", "SUBCONTRACTOR"), field("name", " "), field("contactEmail", "nope")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Enter a value.", "Enter an e-mail address");

        String page = location(manager.post("/insurance/contractors/new", "/insurance/contractors", List.of(
                field("type", "SUBCONTRACTOR"), field("name", "Page Electric"), field("trades", "Electrical, Low voltage"),
                field("status", "ACTIVE"), field("gcIds", gc.toString()))));
        assertThat(page).contains("done=contractor-created");
        HttpResponse<String> detail = manager.get(page);
        assertThat(detail.body()).contains("Page Electric", "Electrical, Low voltage", "Page Builders", "invite-form",
                "The contractor was added.");
        assertThat(manager.get("/insurance/contractors?trade=low%20voltage").body()).contains("Page Electric")
                .doesNotContain("Page Builders");
        assertThat(contractor.get("/insurance/contractors").body()).contains("Page Electric", "Page Builders");
    }

    @Test
    void a_project_is_created_with_its_additional_insureds_and_a_sub_is_assigned() {
        UUID sub = PartyRows.contractor(jdbc, tenant.organizationId(), "SUBCONTRACTOR", "Page Roofing");
        HttpResponse<String> refused = manager.post("/insurance/projects/new", "/insurance/projects", List.of(
                field("name", "Bad dates"), field("gcId", gc.toString()), field("startDate", "2027-05-01"),
                field("endDate", "2027-01-01"), field("status", "PLANNING")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The end date must not be before the start date.");

        String page = location(manager.post("/insurance/projects/new", "/insurance/projects", List.of(
                field("name", "Page Tower"), field("gcId", gc.toString()), field("status", "ACTIVE"),
                field("startDate", "2027-01-01"), field("endDate", "2027-12-31"), field("borough", "Brooklyn"),
                field("block", "12"), field("lot", "34"), field("additionalInsureds", "Owner LLC"),
                field("additionalInsureds", ""), field("additionalInsureds", "City of New York"))));
        HttpResponse<String> detail = manager.get(page);
        assertThat(detail.body()).contains("Page Tower", "Brooklyn, block 12, lot 34", "Standard subcontractor program",
                "assign-form");
        assertThat(detail.body().indexOf("Owner LLC")).isLessThan(detail.body().indexOf("City of New York"));

        String projectPath = page.replaceFirst("\\?.*", "");
        String assigned = location(manager.post(projectPath, projectPath + "/subcontractors", List.of(
                field("subcontractorId", sub.toString()), field("trades", "Roofing"))));
        assertThat(manager.get(assigned).body()).contains("Page Roofing", "Roofing",
                "The subcontractor was assigned");
        HttpResponse<String> twice = manager.post(projectPath, projectPath + "/subcontractors", List.of(
                field("subcontractorId", sub.toString()), field("trades", "Roofing")));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(contractor.get(projectPath).body()).contains("Page Tower", "assign-form");
    }

    @Test
    void the_program_builder_saves_checks_and_is_read_only_for_a_contractor() {
        UUID standard = jdbc.queryForObject("select id from insurance_programs where organization_id = ? and is_default",
                UUID.class, tenant.organizationId());
        assertThat(manager.get("/insurance/programs").body()).contains("Standard subcontractor program", "New program");
        HttpResponse<String> builder = manager.get("/insurance/programs/" + standard);
        assertThat(builder.body()).contains("data-program-builder", "Save program", "High-risk trades", "10,000,000",
                "/js/insurance.js");

        HttpResponse<String> refused = manager.post("/insurance/programs/new", "/insurance/programs", List.of(
                field("name", "Clash"), field("minimums.GL_EACH_OCCURRENCE", "$1,000,000"),
                field("tiers[0].name", "High"), field("tiers[0].trades", "Roofing"),
                field("tiers[1].name", "Also high"), field("tiers[1].trades", "roofing")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("a trade belongs to one tier only");
        assertThat(jdbc.queryForObject("select count(*) from insurance_programs where name = 'Clash'", Long.class)).isZero();

        String created = location(manager.post("/insurance/programs/new", "/insurance/programs", List.of(
                field("name", "Page program"), field("minimums.GL_EACH_OCCURRENCE", "$2,000,000"),
                field("waiverOfSubrogationRequired", "on"), field("requiredEndorsements", "CG 20 10, CG 20 37"),
                field("tiers[0].name", "Cranes"), field("tiers[0].trades", "Crane, Rigging"),
                field("tiers[0].UMBRELLA_EACH_OCCURRENCE", "10,000,000"))));
        UUID id = jdbc.queryForObject("select id from insurance_programs where name = 'Page program'", UUID.class);
        assertThat(jdbc.queryForObject("select gl_each_occurrence from insurance_programs where id = ?", Long.class, id))
                .isEqualTo(2_000_000L);
        assertThat(jdbc.queryForObject("select required_endorsements from insurance_programs where id = ?", String.class,
                id)).isEqualTo("CG 20 10,CG 20 37");
        assertThat(manager.get(created).body()).contains("Cranes", "Crane, Rigging");

        HttpResponse<String> readOnly = contractor.get("/insurance/programs/" + id);
        assertThat(readOnly.statusCode()).isEqualTo(200);
        assertThat(readOnly.body()).contains("Page program").doesNotContain("Save program", "data-program-builder",
                "Assign program");
        assertThat(contractor.get("/insurance/programs").body()).doesNotContain("New program");
        assertThat(contractor.post("/insurance/programs/" + id, "/insurance/programs/" + id,
                List.<String[]>of(field("name", "Taken over"))).statusCode()).isEqualTo(403);
    }
}

package app.covenant.holdharmless;

import static app.covenant.support.PageClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.insurance.programs.DefaultPrograms;
import app.covenant.support.IntegrationTest;
import app.covenant.support.PageClient;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's template editors: the program page's hold-harmless template editor (placeholders, the default's note,
 * the preview's URL, the link to the organization's default), a program template naming an unknown placeholder
 * refused on save (page 400 with the field's message, API 400) with nothing stored, the preview endpoint the page
 * calls (a manager yes, a sub 403), each organization's own default, and the default template page (save, refuse,
 * reset to Covenant's standard text, 403 for a sub).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldHarmlessTemplatePagesTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DefaultPrograms defaults;

    @LocalServerPort
    int port;

    private Tenant tenant;
    private Tenant other;
    private UUID standard;
    private String managerToken;
    private PageClient manager;
    private PageClient sub;

    @BeforeAll
    void data() {
        tenant = TestTenants.create(jdbc);
        other = TestTenants.create(jdbc);
        defaults.seed(tenant.organizationId());
        standard = jdbc.queryForObject("select id from insurance_programs where organization_id = ? and is_default",
                UUID.class, tenant.organizationId());
        managerToken = SignIn.accessToken(http, tenant.email("MANAGER"));
        manager = new PageClient(port, managerToken);
        sub = new PageClient(port, SignIn.accessToken(http, tenant.email("SUBCONTRACTOR")));
    }

    @Test
    void theProgramPageShowsTheEditorThePlaceholdersAndTheDefaultsNote() {
        jdbc.update("update insurance_programs set hold_harmless_template = null where id = ?", standard);
        HttpResponse<String> page = manager.get("/insurance/programs/" + standard);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-agreement-editor", "name=\"holdHarmlessTemplate\"",
                "Uses the organization's default template", "data-start-from-default",
                "data-placeholder=\"{{PROJECT_NAME}}\"", "data-placeholder=\"{{SUB_SIGNATURE}}\"",
                "data-placeholder=\"{{ADDITIONAL_INSUREDS}}\"",
                "data-preview-url=\"/api/v1/hold-harmless/template-preview\"",
                "data-default-url=\"/api/v1/hold-harmless/default-template\"",
                "href=\"/hold-harmless/template\"", "Edit the organization's default", "/js/agreement-template.js");
    }

    @Test
    void aProgramTemplateWithAnUnknownPlaceholderIsRefusedAndNothingChanges() {
        jdbc.update("update insurance_programs set hold_harmless_template = ? where id = ?",
                "<p>{{SUB_NAME}} agrees.</p>", standard);
        String name = jdbc.queryForObject("select name from insurance_programs where id = ?", String.class, standard);
        String path = "/insurance/programs/" + standard;
        HttpResponse<String> refused = manager.post(path, path, List.of(field("name", "Renamed program"),
                field("holdHarmlessRequired", "on"), field("holdHarmlessTemplate", "<p>{{SUB_NAME}} and {{NOPE}}</p>")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("pr-template-error", "unknown placeholder {{NOPE}}");
        assertThat(jdbc.queryForMap("select name, hold_harmless_template from insurance_programs where id = ?", standard))
                .containsEntry("name", name).containsEntry("hold_harmless_template", "<p>{{SUB_NAME}} agrees.</p>");

        ResponseEntity<JsonNode> api = exchange(HttpMethod.POST, "/api/v1/programs", Map.of("name", "API program",
                "holdHarmlessRequired", true, "holdHarmlessTemplate", "<p>{{ SUB_PHONE }}</p>"), managerToken);
        assertThat(api.getStatusCode().value()).isEqualTo(400);
        assertThat(api.getBody().toString()).contains("holdHarmlessTemplate", "{{SUB_PHONE}}");
        assertThat(jdbc.queryForObject("select count(*) from insurance_programs where name = 'API program'",
                Long.class)).isZero();

        HttpResponse<String> saved = manager.post(path, path, List.of(field("name", name), field("isDefault", "on"),
                field("holdHarmlessRequired", "on"),
                field("holdHarmlessTemplate", "<p>{{ SUB_NAME }} holds {{GC_NAME}} harmless.</p>")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).contains("done=program-updated");
        assertThat(jdbc.queryForObject("select hold_harmless_template from insurance_programs where id = ?",
                String.class, standard)).isEqualTo("<p>{{ SUB_NAME }} holds {{GC_NAME}} harmless.</p>");
    }

    @Test
    void thePreviewThePageCallsAnswersAManagerAndRefusesASub() {
        ResponseEntity<JsonNode> preview = exchange(HttpMethod.POST, "/api/v1/hold-harmless/template-preview",
                Map.of("templateHtml", "<p>{{PROJECT_NAME}}</p>"), managerToken);
        assertThat(preview.getStatusCode().value()).isEqualTo(200);
        assertThat(preview.getBody().get("html").asString()).contains("Gowanus Canal Residences");
        ResponseEntity<JsonNode> unknown = exchange(HttpMethod.POST, "/api/v1/hold-harmless/template-preview",
                Map.of("templateHtml", "<p>{{NOPE}}</p>"), managerToken);
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().toString()).contains("{{NOPE}}");
        assertThat(exchange(HttpMethod.POST, "/api/v1/hold-harmless/template-preview",
                Map.of("templateHtml", "<p>{{PROJECT_NAME}}</p>"),
                SignIn.accessToken(http, tenant.email("SUBCONTRACTOR"))).getStatusCode().value()).isEqualTo(403);
        assertThat(sub.get("/hold-harmless/template").statusCode()).isEqualTo(403);
    }

    @Test
    void eachOrganizationReadsOnlyItsOwnDefault() {
        String otherManager = SignIn.accessToken(http, other.email("MANAGER"));
        ResponseEntity<JsonNode> saved = exchange(HttpMethod.PUT, "/api/v1/hold-harmless/default-template",
                Map.of("html", "<p>Other organization's secret clause for {{SUB_NAME}}.</p>"), otherManager);
        assertThat(saved.getStatusCode().value()).isEqualTo(200);
        assertThat(exchange(HttpMethod.GET, "/api/v1/hold-harmless/default-template", null, managerToken).getBody()
                .get("html").asString()).doesNotContain("secret clause");
        assertThat(manager.get("/hold-harmless/template").body()).doesNotContain("secret clause");
        assertThat(new PageClient(port, otherManager).get("/hold-harmless/template").body())
                .contains("secret clause");
    }

    @Test
    void theDefaultTemplatePageSavesRefusesAndResets() {
        HttpResponse<String> page = manager.get("/hold-harmless/template");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-agreement-editor", "name=\"html\"", "indemnify",
                "data-placeholder=\"{{GC_SIGNATURE}}\"", "Reset to Covenant's standard text",
                "/js/agreement-template.js");

        String saved = manager.post("/hold-harmless/template", "/hold-harmless/template", List.<String[]>of(field("html",
                "<h1>Page agreement</h1><p>{{SUB_NAME}} holds {{GC_NAME}} harmless.</p><script>alert(1)</script>")))
                .headers().firstValue("Location").orElseThrow();
        assertThat(saved).endsWith("/hold-harmless/template?done=template-saved");
        String stored = storedDefault();
        assertThat(stored).contains("Page agreement", "{{SUB_NAME}}").doesNotContain("script");
        assertThat(manager.get("/hold-harmless/template?done=template-saved").body())
                .contains("The default template was saved.", "Page agreement");

        HttpResponse<String> refused = manager.post("/hold-harmless/template", "/hold-harmless/template",
                List.<String[]>of(field("html", "<p>{{NOPE}}</p>")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("hh-template-error", "unknown placeholder {{NOPE}}", "{{NOPE}}");
        assertThat(storedDefault()).isEqualTo(stored);

        String reset = manager.post("/hold-harmless/template", "/hold-harmless/template/reset", List.of())
                .headers().firstValue("Location").orElseThrow();
        assertThat(reset).endsWith("/hold-harmless/template?done=template-reset");
        assertThat(storedDefault()).contains("indemnify", "{{ADDITIONAL_INSUREDS}}").doesNotContain("Page agreement");
        assertThat(sub.post("/", "/hold-harmless/template/reset", List.of())
                .statusCode()).isEqualTo(403);
    }

    private String storedDefault() {
        return jdbc.queryForObject("select template_html from hold_harmless_templates where organization_id = ?",
                String.class, tenant.organizationId());
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, String accessToken) {
        HttpHeaders headers = SignIn.bearer(accessToken);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}

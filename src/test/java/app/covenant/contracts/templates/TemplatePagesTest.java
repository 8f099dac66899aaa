package app.covenant.contracts.templates;

import static app.covenant.support.PageClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.PageClient;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The template pages for a legal manager: the library (cards, filters, New / Import), a template's page (body,
 * annexures, variables, history), the editor (new and edit, refusals shown on the form with nothing stored, the
 * htmx preview with the variable panel rebuilt when the placeholders change), the import form; a USER reads the
 * library without the writing buttons and gets 403 for the editor; another organization's template is the 404 page.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplatePagesTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private Tenant tenant;
    private PageClient legal;
    private PageClient user;
    private PageClient stranger;

    @BeforeAll
    void data() {
        tenant = TestTenants.create(jdbc);
        Tenant other = TestTenants.create(jdbc);
        legal = new PageClient(port, SignIn.accessToken(http, tenant.email("LEGAL_MANAGER")));
        user = new PageClient(port, SignIn.accessToken(http, tenant.email("USER")));
        stranger = new PageClient(port, SignIn.accessToken(http, other.email("LEGAL_MANAGER")));
    }

    @Test
    void theLibraryListsTheStandardTemplatesWithFiltersAndTheWritingButtonsForLegal() {
        HttpResponse<String> page = legal.get("/contracts/templates");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Contract templates", "Mutual Non-Disclosure Agreement",
                "Master Subcontract Agreement (Construction)", "Purchase Order", "Service Agreement",
                "data-code=\"MUTUAL-NDA\"", "Covenant standard", "id=\"ctpl-new-link\"", "id=\"ctpl-import-link\"",
                "href=\"/contracts/templates\"", ">Templates<").doesNotContain("style=\"", "<script>");
        HttpResponse<String> ndas = legal.get("/contracts/templates?category=NDA&q=mutual");
        assertThat(ndas.body()).contains("data-code=\"MUTUAL-NDA\"").doesNotContain("data-code=\"PURCHASE-ORDER\"");
        assertThat(legal.get("/contracts/templates?status=retired").body()).doesNotContain("data-code=\"MUTUAL-NDA\"");

        HttpResponse<String> forUser = user.get("/contracts/templates");
        assertThat(forUser.statusCode()).isEqualTo(200);
        assertThat(forUser.body()).contains("data-code=\"SERVICE-AGREEMENT\"").doesNotContain("id=\"ctpl-new-link\"");
        assertThat(user.get("/contracts/templates/new").statusCode()).isEqualTo(403);
        assertThat(user.get("/contracts/templates/import").statusCode()).isEqualTo(403);
    }

    @Test
    void aTemplatePageShowsBodyAnnexuresVariablesAndHistory() {
        UUID nda = jdbc.queryForObject("select id from contract_templates where scope_key = 'global' and code = "
                + "'MUTUAL-NDA'", UUID.class);
        HttpResponse<String> page = user.get("/contracts/templates/" + nda);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Part A: main body", "Part B.1: Annexure A", "{{PARTY_A_NAME}}",
                "data-variable=\"EFFECTIVE_DATE\"", "Version history", "data-version=\"1\"")
                .doesNotContain("id=\"ctpl-edit-link\"", "ctpl-retire-form");
        assertThat(user.get("/contracts/templates/" + nda + "/versions/1").body()).contains("version 1",
                "{{PARTY_B_NAME}}");
        assertThat(stranger.get("/contracts/templates/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void theEditorCreatesEditsAndShowsRefusalsOnTheForm() {
        HttpResponse<String> blank = legal.get("/contracts/templates/new");
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("data-ctpl-editor", "name=\"bodyHtml\"", "data-ctpl-rich",
                "id=\"ctpl-annexure-template\"", "hx-post=\"/contracts/templates/preview\"",
                "/js/contract-template-editor.js", "No placeholders yet").doesNotContain("style=\"");

        HttpResponse<String> refused = legal.post("/contracts/templates/new", "/contracts/templates", List.of(
                field("code", "PAGE-BAD"), field("name", ""), field("category", "NDA"),
                field("bodyHtml", "<p>Hello {{WHO}}<script>alert(1)</script></p>"),
                field("varKey", "WHO"), field("varLabel", "Who"), field("varType", "CHOICE"), field("varRequired", "true"),
                field("varDefault", ""), field("varChoices", ""), field("varSample", "")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("form-error-summary", "ctpl-name-error", "Choices must list at least one "
                + "option", "Hello {{WHO}}");
        assertThat(jdbc.queryForObject("select count(*) from contract_templates where code = 'PAGE-BAD'", Long.class))
                .isZero();

        HttpResponse<String> created = legal.post("/contracts/templates/new", "/contracts/templates", List.of(
                field("code", "page-made"), field("name", "Page made"), field("category", "LEASE"),
                field("description", "Made on the page"),
                field("bodyHtml", "<h2>Lease</h2><p onclick=\"x()\">Tenant {{TENANT}} pays {{RENT}}</p>"),
                field("annexureTitle", "Schedule 1"), field("annexureHtml", "<p>Premises of {{TENANT}}</p>"),
                field("varKey", "RENT"), field("varLabel", "Monthly rent"), field("varType", "MONEY"),
                field("varRequired", "true"), field("varDefault", ""), field("varChoices", ""), field("varSample", "10")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/contracts/templates/", "done=contract-template-created");
        String id = location.replaceAll(".*/contracts/templates/([0-9a-f-]{36}).*", "$1");

        HttpResponse<String> page = legal.get("/contracts/templates/" + id);
        assertThat(page.body()).contains("Page made", "Part B.1: Schedule 1", "Monthly rent", "id=\"ctpl-edit-link\"",
                "ctpl-retire-form").doesNotContain("onclick");
        HttpResponse<String> edit = legal.get("/contracts/templates/" + id + "/edit");
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("Save as version 2", "Schedule 1", "value=\"Monthly rent\"");

        HttpResponse<String> saved = legal.post("/contracts/templates/" + id + "/edit", "/contracts/templates/" + id,
                List.of(field("name", "Page made"), field("category", "LEASE"),
                        field("bodyHtml", "<p>Tenant {{TENANT}} pays {{RENT}} from {{START}}</p>"),
                        field("varKey", "RENT"), field("varLabel", "Monthly rent"), field("varType", "MONEY"),
                        field("varRequired", "true"), field("varDefault", ""), field("varChoices", ""),
                        field("varSample", "")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select current_version from contract_templates where id = ?::uuid",
                Integer.class, id)).isEqualTo(2);
        assertThat(legal.get("/contracts/templates/" + id).body()).contains("data-version=\"2\"", "data-version=\"1\"",
                "data-variable=\"START\"");

        HttpResponse<String> retired = legal.post("/contracts/templates/" + id, "/contracts/templates/" + id + "/retire",
                List.of());
        assertThat(retired.headers().firstValue("Location").orElseThrow()).contains("done=contract-template-retired");
        assertThat(legal.get("/contracts/templates/" + id).body()).contains("ctpl-reactivate-form");
        assertThat(stranger.get("/contracts/templates/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/contracts/templates/" + id + "/edit").statusCode()).isEqualTo(404);
    }

    @Test
    void theEditorPreviewFillsSampleValuesAndRebuildsTheVariablePanelOverHtmx() {
        List<String[]> fields = new ArrayList<>(List.of(
                field("bodyHtml", "<p>Dear {{NAME}}, you owe {{AMOUNT}} by {{DUE}}<script>x()</script></p>"),
                field("annexureTitle", "Annex"), field("annexureHtml", "<p>Signed: {{NAME}}</p>"),
                field("varKey", "NAME"), field("varLabel", "Name"), field("varType", "TEXT"), field("varRequired", "true"),
                field("varDefault", ""), field("varChoices", ""), field("varSample", "<b>Ann</b>"),
                field("varKey", "AMOUNT"), field("varLabel", "Amount"), field("varType", "MONEY"),
                field("varRequired", "true"), field("varDefault", ""), field("varChoices", ""), field("varSample", "-3")));
        HttpResponse<String> preview = legal.htmxPost("/contracts/templates/new", "/contracts/templates/preview", fields);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("data-ctpl-preview", "Dear &lt;b&gt;Ann&lt;/b&gt;",
                        "<mark class=\"ctpl-placeholder\">{{DUE}}</mark>", "ctpl-invalid", "Signed: &lt;b&gt;Ann&lt;/b&gt;",
                        "hx-swap-oob=\"true\"", "data-variable=\"DUE\"")
                .doesNotContain("<script", "<html");

        // Same placeholders as the panel: only the preview comes back, the panel (and what is typed in it) stays.
        fields.addAll(List.of(field("varKey", "DUE"), field("varLabel", "Due"), field("varType", "DATE"),
                field("varRequired", "true"), field("varDefault", ""), field("varChoices", ""),
                field("varSample", "2027-03-01")));
        HttpResponse<String> again = legal.htmxPost("/contracts/templates/new", "/contracts/templates/preview", fields);
        assertThat(again.body()).contains("by 2027-03-01").doesNotContain("hx-swap-oob");
    }

    @Test
    void theImportFormImportsAFileAndShowsARefusal() throws Exception {
        HttpResponse<String> form = legal.get("/contracts/templates/import");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("enctype=\"multipart/form-data\"", "name=\"file\"", "up to 5 MB");

        HttpResponse<String> imported = legal.upload("/contracts/templates/import", "/contracts/templates/import",
                "offer.docx", TemplateDocuments.docx(), Map.of("name", "Page import"));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
        assertThat(imported.headers().firstValue("Location").orElseThrow()).contains("done=contract-template-imported");

        HttpResponse<String> refused = legal.upload("/contracts/templates/import", "/contracts/templates/import",
                "scan.pdf", "%PDF-1.4 binary".getBytes(StandardCharsets.US_ASCII), Map.of("name", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("ctpl-import-file-error", "Is a PDF");
    }
}

package app.covenant.contracts.templates;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/templates}: create (sanitised, placeholders derived and merged), edit as a new version with the
 * old one untouched, list with filters, preview, retire / reactivate, import of DOCX / HTML / text (and refusal of
 * anything else), unique codes, and who may do what: a USER reads but does not write, another organization's
 * template is 404 on every endpoint, a global template is changed only by a platform administrator.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateApiTest {

    private static final String API = "/api/v1/templates";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ContractTemplates templates;

    private Tenant tenant;
    private Tenant other;
    private String legal;
    private String user;
    private String otherLegal;

    @BeforeAll
    void data() {
        tenant = TestTenants.create(jdbc);
        other = TestTenants.create(jdbc);
        legal = SignIn.accessToken(http, tenant.email("LEGAL_MANAGER"));
        user = SignIn.accessToken(http, tenant.email("USER"));
        otherLegal = SignIn.accessToken(http, other.email("LEGAL_MANAGER"));
    }

    @Test
    void createSanitisesDerivesAndMergesThenAnEditIsANewVersion() {
        Map<String, Object> body = draft("API-SERVICE", "<h2>Terms</h2><p onclick=\"steal()\">Between {{CLIENT_NAME}} "
                + "and {{ PROVIDER_NAME }} for {{FEE}}<script>alert(1)</script> <a href=\"javascript:alert(1)\">x</a>"
                + " <a href=\"https://example.com\">site</a></p>");
        body.put("annexures", List.of(Map.of("title", "Schedule 1", "html",
                "<p>Fee: {{FEE}}, start {{START_DATE}}<img src=x onerror=alert(1)></p>")));
        body.put("variables", List.of(Map.of("key", "FEE", "label", "Monthly fee", "type", "MONEY", "required", true),
                Map.of("key", "START_DATE", "type", "DATE", "required", false, "defaultValue", "2027-01-01"),
                Map.of("key", "UNUSED", "label", "Not in the text", "type", "TEXT")));
        ResponseEntity<JsonNode> created = call(HttpMethod.POST, API, body, legal);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        JsonNode template = created.getBody();
        String bodyHtml = template.get("bodyHtml").asString();
        assertThat(bodyHtml).contains("<h2>Terms</h2>", "{{CLIENT_NAME}}", "https://example.com")
                .doesNotContain("<script", "onclick", "javascript:", "steal");
        assertThat(template.get("annexures").get(0).get("html").asString()).doesNotContain("<img", "onerror");
        assertThat(template.get("version").asInt()).isEqualTo(1);
        assertThat(template.get("global").asBoolean()).isFalse();
        assertThat(template.get("editable").asBoolean()).isTrue();
        assertThat(keys(template.get("variables"))).containsExactly("CLIENT_NAME", "PROVIDER_NAME", "FEE", "START_DATE");
        JsonNode fee = template.get("variables").get(2);
        assertThat(fee.get("label").asString()).isEqualTo("Monthly fee");
        assertThat(fee.get("type").asString()).isEqualTo("MONEY");
        assertThat(template.get("variables").get(0).get("label").asString()).isEqualTo("Client name");
        assertThat(template.get("variables").get(0).get("required").asBoolean()).isTrue();
        UUID id = UUID.fromString(template.get("id").asString());

        Map<String, String> values = Map.of("CLIENT_NAME", "Acme", "PROVIDER_NAME", "Beta", "FEE", "100");
        FilledTemplate fromFirst = templates.fill(tenant.organizationId(), id, values);

        Map<String, Object> edit = draft(null, "<p>Revised: {{CLIENT_NAME}} pays {{FEE}}"
                + "<a href=\"javascript:void(0)\" onmouseover=\"x()\">here</a><script>bad()</script></p>");
        edit.put("variables", List.of(Map.of("key", "FEE", "type", "NUMBER", "required", true)));
        ResponseEntity<JsonNode> revised = call(HttpMethod.PUT, API + "/" + id, edit, legal);
        assertThat(revised.getStatusCode().value()).as(String.valueOf(revised.getBody())).isEqualTo(200);
        assertThat(revised.getBody().get("version").asInt()).isEqualTo(2);
        assertThat(revised.getBody().get("bodyHtml").asString()).startsWith("<p>Revised")
                .doesNotContain("javascript:", "onmouseover", "<script");
        assertThat(keys(revised.getBody().get("variables"))).containsExactly("CLIENT_NAME", "FEE");

        // The first version is as it was: a contract drafted from it keeps its text and variables.
        JsonNode first = call(HttpMethod.GET, API + "/" + id + "/versions/1", null, legal).getBody();
        assertThat(first.get("bodyHtml").asString()).isEqualTo(bodyHtml);
        assertThat(keys(first.get("variables"))).containsExactly("CLIENT_NAME", "PROVIDER_NAME", "FEE", "START_DATE");
        assertThat(templates.version(tenant.organizationId(), id, 1).bodyHtml()).isEqualTo(bodyHtml);
        assertThat(fromFirst.bodyHtml()).contains("Between Acme and Beta for 100.00");
        assertThat(templates.fill(tenant.organizationId(), id, values).bodyHtml()).startsWith("<p>Revised: Acme pays 100");

        JsonNode history = call(HttpMethod.GET, API + "/" + id + "/versions", null, legal).getBody();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(history.get(0).get("createdByName").asString()).isEqualTo("Test LEGAL_MANAGER");
        assertThat(keys(call(HttpMethod.GET, API + "/" + id + "/variables", null, user).getBody()))
                .containsExactly("CLIENT_NAME", "FEE");
        // The unversioned alias answers the same.
        assertThat(call(HttpMethod.GET, "/api/templates/" + id, null, user).getBody().get("version").asInt())
                .isEqualTo(2);
    }

    @Test
    void badDraftsAreRefusedNamingTheFieldsAndNothingIsStored() {
        Map<String, Object> body = draft("bad code!", "<script>only()</script>");
        body.put("name", " ");
        body.put("variables", List.of(Map.of("key", "lower", "type", "TEXT"),
                Map.of("key", "PICK", "type", "CHOICE"), Map.of("key", "WHEN", "type", "DATE", "defaultValue", "soon")));
        ResponseEntity<JsonNode> refused = call(HttpMethod.POST, API, body, legal);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(refused.getBody())).contains("code", "name", "bodyHtml", "variables[0].key",
                "variables[1].choices", "variables[2].defaultValue");
        assertThat(jdbc.queryForObject("select count(*) from contract_templates where code = 'BAD CODE!'", Long.class))
                .isZero();
    }

    @Test
    void codesAreUniqueAndTheLibraryFiltersAndPages() {
        assertThat(call(HttpMethod.POST, API, draft("LIB-ONE", "<p>One {{A}}</p>"), legal).getStatusCode().value())
                .isEqualTo(201);
        ResponseEntity<JsonNode> clash = call(HttpMethod.POST, API, draft("lib-one", "<p>Again</p>"), legal);
        assertThat(clash.getStatusCode().value()).isEqualTo(409);
        assertThat(call(HttpMethod.POST, API, draft("MUTUAL-NDA", "<p>Shadowing a global</p>"), legal)
                .getStatusCode().value()).isEqualTo(409);
        // Another organization has a library of its own.
        assertThat(call(HttpMethod.POST, API, draft("LIB-ONE", "<p>Theirs</p>"), otherLegal).getStatusCode().value())
                .isEqualTo(201);

        JsonNode page = call(HttpMethod.GET, API + "?q=lib-one&size=5", null, user).getBody();
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.get("content").get(0).get("name").asString()).isEqualTo("Template LIB-ONE");
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(1);
        JsonNode ndas = call(HttpMethod.GET, API + "?category=NDA&active=true", null, user).getBody();
        assertThat(ndas.get("content").findValuesAsString("code")).contains("MUTUAL-NDA")
                .doesNotContain("LIB-ONE", "PURCHASE-ORDER");
        JsonNode all = call(HttpMethod.GET, API + "?size=100", null, user).getBody();
        assertThat(all.get("content").findValuesAsString("code")).contains("MUTUAL-NDA", "MASTER-SUBCONTRACT",
                "PURCHASE-ORDER", "SERVICE-AGREEMENT", "LIB-ONE");
        assertThat(call(HttpMethod.GET, API + "?sort=secret", null, user).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void previewShowsUnfilledPlaceholdersAndRetiringStopsNewContracts() {
        UUID id = create("PREVIEW-ME", "<p>Dear {{NAME}}, on {{WHEN}}</p>");
        ResponseEntity<JsonNode> preview = call(HttpMethod.POST, API + "/" + id + "/preview",
                Map.of("values", Map.of("NAME", "<i>Ann</i>")), user);
        assertThat(preview.getStatusCode().value()).isEqualTo(200);
        assertThat(preview.getBody().get("bodyHtml").asString()).contains("Dear &lt;i&gt;Ann&lt;/i&gt;",
                "<mark class=\"ctpl-placeholder\">{{WHEN}}</mark>");

        ResponseEntity<JsonNode> draftPreview = call(HttpMethod.POST, API + "/preview", Map.of("bodyHtml",
                "<p>{{X}}<script>x()</script></p>", "values", Map.of("X", "1")), legal);
        assertThat(draftPreview.getBody().get("bodyHtml").asString()).isEqualTo("<p>1</p>");

        assertThat(call(HttpMethod.POST, API + "/" + id + "/retire", null, legal).getBody().get("active").asBoolean())
                .isFalse();
        assertThat(call(HttpMethod.POST, API + "/" + id + "/retire", null, legal).getStatusCode().value()).isEqualTo(409);
        assertThat(call(HttpMethod.GET, API + "?active=false&q=preview-me", null, legal).getBody().get("content"))
                .hasSize(1);
        assertThat(call(HttpMethod.POST, API + "/" + id + "/reactivate", null, legal).getBody().get("active")
                .asBoolean()).isTrue();
    }

    @Test
    void aUserReadsButDoesNotWriteAndGlobalTemplatesAreThePlatformsOwn() {
        assertThat(call(HttpMethod.POST, API, draft("USER-TRY", "<p>x</p>"), user).getStatusCode().value())
                .isEqualTo(403);
        UUID nda = jdbc.queryForObject("select id from contract_templates where scope_key = 'global' and code = "
                + "'MUTUAL-NDA'", UUID.class);
        JsonNode global = call(HttpMethod.GET, API + "/" + nda, null, legal).getBody();
        assertThat(global.get("global").asBoolean()).isTrue();
        assertThat(global.get("editable").asBoolean()).isFalse();
        assertThat(call(HttpMethod.PUT, API + "/" + nda, draft(null, "<p>Mine now</p>"), legal).getStatusCode().value())
                .isEqualTo(403);
        assertThat(call(HttpMethod.POST, API + "/" + nda + "/retire", null, legal).getStatusCode().value())
                .isEqualTo(403);
        Map<String, Object> globalDraft = draft("LEGAL-GLOBAL", "<p>x</p>");
        globalDraft.put("global", true);
        assertThat(call(HttpMethod.POST, API, globalDraft, legal).getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select current_version from contract_templates where id = ?", Integer.class,
                nda)).isEqualTo(1);
    }

    @Test
    void anotherOrganizationsTemplateIsNotFoundOnEveryEndpoint() {
        UUID id = create("PRIVATE-ONE", "<p>{{SECRET}}</p>");
        String base = API + "/" + id;
        List<ResponseEntity<JsonNode>> answers = List.of(
                call(HttpMethod.GET, base, null, otherLegal),
                call(HttpMethod.GET, base + "/variables", null, otherLegal),
                call(HttpMethod.GET, base + "/versions", null, otherLegal),
                call(HttpMethod.GET, base + "/versions/1", null, otherLegal),
                call(HttpMethod.PUT, base, draft(null, "<p>taken over</p>"), otherLegal),
                call(HttpMethod.POST, base + "/retire", null, otherLegal),
                call(HttpMethod.POST, base + "/reactivate", null, otherLegal),
                call(HttpMethod.POST, base + "/preview", Map.of("values", Map.of()), otherLegal),
                call(HttpMethod.GET, base + "/availability", null, otherLegal),
                call(HttpMethod.PUT, base + "/availability", Map.of("organizationIds", List.of()), otherLegal));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode().value()).isEqualTo(404));
        assertThat(call(HttpMethod.GET, API + "?q=private-one", null, otherLegal).getBody().get("content")).isEmpty();
        assertThat(call(HttpMethod.PUT, base + "/availability", Map.of("organizationIds",
                List.of(other.organizationId().toString())), legal).getStatusCode().value()).isEqualTo(400);
        assertThat(call(HttpMethod.GET, base, null, otherLegal).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void importsDocxHtmlAndTextAndRefusesAnythingElse() {
        ResponseEntity<JsonNode> docx = upload("supply.docx", TemplateDocuments.docx(), Map.of("category",
                "VENDOR_AGREEMENT"));
        assertThat(docx.getStatusCode().value()).as(String.valueOf(docx.getBody())).isEqualTo(201);
        String html = docx.getBody().get("bodyHtml").asString();
        assertThat(html).contains("<h1>Supply Agreement</h1>", "<b>{{SUPPLIER_NAME}}</b>", "<i>promptly</i>",
                        "<u>in full</u>", "<ul><li>Deliver the goods</li><li>Invoice monthly</li></ul>", "<table>",
                        "<td><p>{{PRICE}}</p></td>", "&lt;script&gt;")
                .doesNotContain("<script");
        assertThat(keys(docx.getBody().get("variables"))).containsExactly("SUPPLIER_NAME", "PRICE", "DELIVERY_DATE");
        assertThat(docx.getBody().get("name").asString()).isEqualTo("supply");
        assertThat(docx.getBody().get("code").asString()).isEqualTo("SUPPLY");
        assertThat(docx.getBody().get("category").asString()).isEqualTo("VENDOR_AGREEMENT");

        // Told apart by content: HTML named .txt is HTML, and still sanitised.
        ResponseEntity<JsonNode> htmlFile = upload("notes.txt", ("<html><body><h2>Lease</h2><p onclick=\"x()\">"
                + "Tenant {{TENANT_NAME}}</p><script>alert(1)</script><a href=\"javascript:alert(2)\">a</a>"
                + "</body></html>").getBytes(StandardCharsets.UTF_8), Map.of("name", "Office lease", "code", "LEASE-1"));
        assertThat(htmlFile.getStatusCode().value()).as(String.valueOf(htmlFile.getBody())).isEqualTo(201);
        assertThat(htmlFile.getBody().get("bodyHtml").asString()).contains("<h2>Lease</h2>", "{{TENANT_NAME}}")
                .doesNotContain("<script", "onclick", "javascript:");
        assertThat(htmlFile.getBody().get("code").asString()).isEqualTo("LEASE-1");

        ResponseEntity<JsonNode> text = upload("letter.html", "Dear {{NAME}},\nwelcome.\n\nRegards <b>"
                .getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(text.getStatusCode().value()).isEqualTo(201);
        assertThat(text.getBody().get("bodyHtml").asString())
                .isEqualTo("<p>Dear {{NAME}},<br>welcome.</p><p>Regards &lt;b&gt;</p>");

        assertThat(upload("supply.docx", TemplateDocuments.docx(), Map.of()).getBody().get("code").asString())
                .isEqualTo("SUPPLY-2");

        long before = jdbc.queryForObject("select count(*) from contract_templates", Long.class);
        for (byte[] refused : List.of("%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 1, 2}, new byte[] {0, 1, 2, (byte) 0xFF, 3},
                new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}, new byte[0], "   \n ".getBytes(StandardCharsets.UTF_8))) {
            ResponseEntity<JsonNode> answer = upload("contract.docx", refused, Map.of());
            assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
            assertThat(fields(answer.getBody())).containsExactly("file");
        }
        ResponseEntity<JsonNode> tooLarge = upload("big.txt", new byte[5 * 1024 * 1024 + 1], Map.of());
        assertThat(tooLarge.getStatusCode().value()).as("SECURITY.md: size limits answer 413").isEqualTo(413);
        assertThat(fields(tooLarge.getBody())).containsExactly("file");
        assertThat(jdbc.queryForObject("select count(*) from contract_templates", Long.class)).isEqualTo(before);
    }

    private UUID create(String code, String html) {
        ResponseEntity<JsonNode> created = call(HttpMethod.POST, API, draft(code, html), legal);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        return UUID.fromString(created.getBody().get("id").asString());
    }

    private static Map<String, Object> draft(String code, String html) {
        Map<String, Object> body = new HashMap<>();
        if (code != null) {
            body.put("code", code);
        }
        body.put("name", "Template " + (code == null ? "edited" : code));
        body.put("category", "SERVICE_AGREEMENT");
        body.put("bodyHtml", html);
        return body;
    }

    private static List<String> keys(JsonNode variables) {
        return variables.findValuesAsString("key");
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").findValuesAsString("field");
    }

    private ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body, String token) {
        return http.exchange(path, method, new HttpEntity<>(body, SignIn.bearer(token)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> upload(String fileName, byte[] bytes, Map<String, String> fields) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        fields.forEach(form::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(legal);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange(API + "/import", HttpMethod.POST, new HttpEntity<>(form, headers), JsonNode.class);
    }
}

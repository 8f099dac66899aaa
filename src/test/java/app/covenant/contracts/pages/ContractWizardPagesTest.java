package app.covenant.contracts.pages;

import static app.covenant.contracts.paper.TextPdfs.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.contracts.templates.TemplateVariable;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /contracts/new} over HTTP form posts as a browser sends them: a contract from the tenant's template and from
 * a seeded global one, from uploaded paper, the live preview, refusals that come back at the right step with the
 * values kept and nothing created; and {@code /contracts/{id}/edit}: a save is a new version, refused when the
 * contract is not editable or not the caller's to edit.
 */
class ContractWizardPagesTest extends ContractPagesTestSupport {

    @BeforeEach
    void tenant() {
        newTenant();
    }

    @Test
    void theWizardOffersTheLibraryAndPaperOnlyToUploaders() {
        HttpResponse<String> user = as("USER").get("/contracts/new");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("value=\"" + templateId + "\"").contains("Page test services")
                .contains("Services for page tests").contains("Mutual").contains("name=\"v." + templateId + ".CLIENT_NAME\"")
                .contains("type=\"date\"").contains("data-start-step=\"1\"").contains("/js/contract-wizard.js")
                .doesNotContain("value=\"paper\"").doesNotContain("style=\"");
        assertThat(as("LEGAL_MANAGER").get("/contracts/new").body()).contains("value=\"paper\"")
                .contains("name=\"file\"");
        assertThat(as("USER").get("/contracts/new?template=" + templateId).body()).as("preselected")
                .containsPattern("value=\"" + templateId + "\"\\s+data-source-template checked");
        assertThat(as("FINANCE_MANAGER").get("/contracts/new").statusCode()).isEqualTo(403);
    }

    @Test
    void aContractIsCreatedFromTheTenantsTemplateWithEscapedValues() {
        HttpResponse<String> created = as("USER").post("/contracts/new", "/contracts/new", form(templateId, Map.of(
                "CLIENT_NAME", "Acme <Steel> & Co", "START", "2027-01-01"), "Steel supply"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        UUID id = createdId(created);
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(versions(id)).isEqualTo(1);
        Map<String, Object> contract = jdbcTemplate.queryForMap("select title, owner_id, body_html, amount, currency, "
                + "auto_renew, notice_period_days, counterparty_business_name from contracts where id = ?", id);
        assertThat(contract.get("title")).isEqualTo("Steel supply");
        assertThat(contract.get("owner_id")).isEqualTo(tenant.userId("USER"));
        assertThat((String) contract.get("body_html")).contains("Acme &lt;Steel&gt; &amp; Co").contains("2027-01-01");
        assertThat(contract.get("currency")).isEqualTo("EUR");
        assertThat(contract.get("auto_renew")).isEqualTo(true);
        assertThat(contract.get("notice_period_days")).isEqualTo(60);
        assertThat(contract.get("counterparty_business_name")).isEqualTo("Acme Holdings");
    }

    @Test
    void aContractIsCreatedFromASeededGlobalTemplate() {
        UUID nda = jdbcTemplate.queryForObject("select id from contract_templates where scope_key = 'global' "
                + "and code = 'MUTUAL-NDA'", UUID.class);
        Map<String, String> values = new LinkedHashMap<>();
        for (TemplateVariable v : library.current(tenant.organizationId(), nda).variables()) {
            values.put(v.key(), switch (v.type()) {
                case DATE -> "2027-02-01";
                case NUMBER -> "3";
                case MONEY -> "1000.00";
                case CHOICE -> v.choices().getFirst();
                default -> "Sample " + v.key().toLowerCase();
            });
        }
        HttpResponse<String> created = as("USER").post("/contracts/new", "/contracts/new",
                form(nda, values, "Mutual NDA with Acme"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        UUID id = createdId(created);
        assertThat(jdbcTemplate.queryForObject("select template_id from contracts where id = ?", UUID.class, id))
                .isEqualTo(nda);
        assertThat(jdbcTemplate.queryForObject("select body_html from contracts where id = ?", String.class, id))
                .doesNotContain("{{");
    }

    @Test
    void aMissingRequiredVariableComesBackAtStepThreeWithTheValuesKeptAndNothingCreated() {
        HttpResponse<String> refused = as("USER").post("/contracts/new", "/contracts/new",
                form(templateId, Map.of("START", "2027-01-01"), "Never created"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("data-start-step=\"3\"")
                .contains("id=\"var-" + templateId + "-CLIENT_NAME-error\"").contains("value=\"Never created\"")
                .contains("value=\"2027-01-01\"").contains("aria-invalid=\"true\"");
        assertThat(jdbcTemplate.queryForObject("select count(*) from contracts where title = 'Never created' "
                + "and organization_id = ?", Integer.class, tenant.organizationId())).isZero();

        List<String[]> badDates = form(templateId, Map.of("CLIENT_NAME", "Acme", "START", "2027-01-01"), "Never created");
        badDates.removeIf(f -> f[0].equals("endDate"));
        badDates.add(new String[] {"endDate", "2025-01-01"});
        HttpResponse<String> dates = as("USER").post("/contracts/new", "/contracts/new", badDates);
        assertThat(dates.statusCode()).isEqualTo(400);
        assertThat(dates.body()).contains("data-start-step=\"2\"").contains("id=\"c-end-error\"")
                .contains("Must be after the start date.");

        HttpResponse<String> noSource = as("USER").post("/contracts/new", "/contracts/new",
                List.<String[]>of(new String[] {"title", "Never created"}));
        assertThat(noSource.statusCode()).isEqualTo(400);
        assertThat(noSource.body()).contains("data-start-step=\"1\"").contains("id=\"wizard-source-error\"");
        HttpResponse<String> unknown = as("USER").post("/contracts/new", "/contracts/new",
                form(UUID.randomUUID(), Map.of("CLIENT_NAME", "Acme"), "Never created"));
        assertThat(unknown.statusCode()).as("a template not in the library").isEqualTo(400);
        assertThat(unknown.body()).contains("data-start-step=\"1\"").contains("id=\"wizard-source-error\"");
        assertThat(jdbcTemplate.queryForObject("select count(*) from contracts where organization_id = ?",
                Integer.class, tenant.organizationId())).isZero();
    }

    @Test
    void thePreviewFillsTheChosenTemplateEscapingValues() {
        HttpResponse<String> preview = as("USER").post("/contracts/new", "/contracts/new/preview", List.of(
                new String[] {"source", templateId.toString()},
                new String[] {"v." + templateId + ".CLIENT_NAME", "Acme <b>bold</b>"}));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"wizard-preview\"").contains("Acme &lt;b&gt;bold&lt;/b&gt;")
                .contains("Scope: Everything").doesNotContain("<b>bold");
        assertThat(as("USER").post("/contracts/new", "/contracts/new/preview", List.<String[]>of()).body())
                .contains("Choose a template");
    }

    @Test
    void legalUploadsThirdPartyPaperAndBusinessUsersMayNot() throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("source", "paper");
        fields.put("title", "Their paper");
        fields.put("counterpartyName", "Big Buyer Inc");
        fields.put("startDate", "2027-01-01");
        fields.put("endDate", "2027-06-30");
        HttpResponse<String> uploaded = as("LEGAL_MANAGER").upload("/contracts/new", "/contracts/new",
                "their-paper.pdf", pdf("Indemnity clause of the buyer"), fields);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        UUID id = createdId(uploaded);
        assertThat(jdbcTemplate.queryForObject("select document_id from contracts where id = ?", UUID.class, id))
                .isNotNull();
        assertThat(jdbcTemplate.queryForObject("select search_text from contracts where id = ?", String.class, id))
                .contains("Indemnity clause");

        HttpResponse<String> noFile = as("LEGAL_MANAGER").post("/contracts/new", "/contracts/new",
                List.of(new String[] {"source", "paper"}, new String[] {"title", "No file"},
                        new String[] {"counterpartyName", "Big Buyer Inc"}));
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("data-start-step=\"1\"").contains("id=\"wizard-file-error\"");

        HttpResponse<String> user = as("USER").upload("/contracts/new", "/contracts/new", "their-paper.pdf",
                pdf("Not allowed"), fields);
        assertThat(user.statusCode()).isEqualTo(403);
    }

    @Test
    void anEditIsANewVersionAndOnlyWhereEditingIsAllowed() {
        UUID id = draftId("USER", "Draft to edit", "2027-12-31");
        String edit = "/contracts/" + id + "/edit";
        HttpResponse<String> opened = as("USER").get(edit);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("value=\"Draft to edit\"").contains("name=\"bodyHtml\"")
                .contains("Services for Acme Steel").contains("name=\"annexureTitle\"").contains("/js/contract-edit.js")
                .contains("name=\"version\"").doesNotContain("style=\"");

        HttpResponse<String> saved = as("USER").post(edit, edit, editForm(id, "Edited title",
                "<p>New body <script>alert(1)</script></p>"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow())
                .endsWith("/contracts/" + id + "?done=contract-version-saved");
        assertThat(versions(id)).isEqualTo(2);
        Map<String, Object> row = jdbcTemplate.queryForMap("select title, body_html, current_version from contracts "
                + "where id = ?", id);
        assertThat(row.get("title")).isEqualTo("Edited title");
        assertThat((String) row.get("body_html")).contains("New body").doesNotContain("script");
        assertThat(row.get("current_version")).isEqualTo(2);

        List<String[]> stale = editForm(id, "Stale", "<p>Stale</p>");
        stale.removeIf(f -> f[0].equals("version"));
        stale.add(new String[] {"version", "0"});
        HttpResponse<String> refused = as("USER").post(edit, edit, stale);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("saved by someone else").contains("value=\"Stale\"");
        assertThat(versions(id)).isEqualTo(2);

        List<String[]> blank = editForm(id, "", "<p>x</p>");
        HttpResponse<String> invalid = as("USER").post(edit, edit, blank);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"c-title-error\"");

        String stranger = colleague("USER");
        assertThat(as(stranger).get(edit).statusCode()).as("not theirs, not shared").isEqualTo(404);
        api("USER", "/api/v1/contracts/" + id + "/shares", Map.of("userId", userId(stranger)));
        assertThat(as(stranger).get(edit).statusCode()).as("shared, but not theirs to edit").isEqualTo(403);
        assertThat(as("FINANCE_MANAGER").get(edit).statusCode()).isEqualTo(403);
        assertThat(as("LEGAL_MANAGER").get(edit).statusCode()).as("legal edits drafts").isEqualTo(200);

        assertThat(api("USER", "/api/v1/contracts/" + id + "/submit", null).getStatusCode().value()).isEqualTo(200);
        assertThat(as("USER").get(edit).statusCode()).as("in review").isEqualTo(409);
        assertThat(as("USER").post("/contracts/new", edit, editForm(id, "In review", "<p>x</p>"))
                .statusCode()).isEqualTo(409);
        assertThat(versions(id)).isEqualTo(2);
    }

    @Test
    void aContractSentBackShowsTheRevisionCommentsAtTheTop() {
        UUID id = draftId("USER", "Needs work", "2027-12-31");
        api("USER", "/api/v1/contracts/" + id + "/submit", null);
        assertThat(api("LEGAL_MANAGER", "/api/v1/approvals/" + approval(id, "LEGAL") + "/request-revision",
                Map.of("comment", "Please cap liability at the fees paid.")).getStatusCode().value()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("REVISION_REQUESTED");

        String edit = as("USER").get("/contracts/" + id + "/edit").body();
        assertThat(edit).contains("id=\"revision-comments\"").contains("Please cap liability at the fees paid.")
                .contains("Test LEGAL_MANAGER").contains("data-status=\"REVISION_REQUESTED\"");
        HttpResponse<String> saved = as("USER").post("/contracts/" + id + "/edit", "/contracts/" + id + "/edit",
                editForm(id, "Needs work", "<p>Liability capped at the fees paid.</p>"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(versions(id)).isEqualTo(2);
    }

    private List<String[]> editForm(UUID id, String title, String body) {
        long version = jdbcTemplate.queryForObject("select version from contracts where id = ?", Long.class, id);
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"title", title});
        fields.add(new String[] {"counterpartyName", "Acme Steel LLC"});
        fields.add(new String[] {"startDate", "2026-01-01"});
        fields.add(new String[] {"endDate", "2027-12-31"});
        fields.add(new String[] {"amount", "125000.00"});
        fields.add(new String[] {"currency", "USD"});
        fields.add(new String[] {"bodyHtml", body});
        fields.add(new String[] {"annexureTitle", "Scope"});
        fields.add(new String[] {"annexureHtml", "<p>Scope: steel</p>"});
        fields.add(new String[] {"version", Long.toString(version)});
        return fields;
    }

    private static List<String[]> form(UUID template, Map<String, String> variables, String title) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"source", template.toString()});
        fields.add(new String[] {"title", title});
        fields.add(new String[] {"counterpartyName", "Acme Steel LLC"});
        fields.add(new String[] {"counterpartyBusinessName", "Acme Holdings"});
        fields.add(new String[] {"counterpartyEmail", "buyer@acme.test"});
        fields.add(new String[] {"startDate", "2027-01-01"});
        fields.add(new String[] {"endDate", "2027-12-31"});
        fields.add(new String[] {"amount", "125000.00"});
        fields.add(new String[] {"currency", "EUR"});
        fields.add(new String[] {"autoRenew", "true"});
        fields.add(new String[] {"renewalPeriodMonths", "12"});
        fields.add(new String[] {"noticePeriodDays", "60"});
        variables.forEach((key, value) -> fields.add(new String[] {"v." + template + "." + key, value}));
        return fields;
    }

    private static UUID createdId(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/contracts/").endsWith("?done=contract-created");
        String path = location.substring(location.indexOf("/contracts/") + "/contracts/".length());
        return UUID.fromString(path.substring(0, path.indexOf('?')));
    }

}

package app.covenant.contracts.pages;

import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.templates.Annexure;
import app.covenant.contracts.templates.ContractTemplateLibrary;
import app.covenant.contracts.templates.TemplateCategory;
import app.covenant.contracts.templates.TemplateDraft;
import app.covenant.contracts.templates.TemplateVariable;
import app.covenant.contracts.templates.VariableType;
import app.covenant.insurance.InsurancePageClient;
import app.covenant.notifications.SmtpOutboxTestSupport;
import app.covenant.shared.security.Caller;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The contract pages' tests: a fresh tenant per test with a template of its own, contracts drafted and moved through
 * the API, and the pages fetched as a browser would (access cookie, CSRF field from the page, no redirects followed).
 * Sign-ins are reused within a test.
 */
abstract class ContractPagesTestSupport extends SmtpOutboxTestSupport {

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcTemplate jdbcTemplate;
    @Autowired
    protected ContractTemplateLibrary library;
    @LocalServerPort
    protected int port;

    protected Tenant tenant;
    protected UUID templateId;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, InsurancePageClient> pages = new HashMap<>();

    protected void newTenant() {
        tenant = TestTenants.create(jdbcTemplate);
        tokens.clear();
        pages.clear();
        Caller manager = new Caller(tenant.userId("LEGAL_MANAGER"), tenant.email("LEGAL_MANAGER"), "Test LEGAL_MANAGER",
                tenant.organizationId(), Set.of("LEGAL_MANAGER"),
                Set.of(ContractPermissions.TEMPLATE_READ, ContractPermissions.TEMPLATE_MANAGE), null);
        templateId = library.create(manager, new TemplateDraft("PG-" + tenant.code(), "Page services",
                TemplateCategory.SERVICE_AGREEMENT, "For page tests",
                "<p>Services for {{CLIENT_NAME}} from {{START}}.</p><script>alert(1)</script>",
                List.of(new Annexure("Scope", "<p>Scope: {{SCOPE}}</p>")),
                List.of(new TemplateVariable("CLIENT_NAME", "Client", VariableType.TEXT, true, null, List.of()),
                        new TemplateVariable("START", "Start", VariableType.DATE, true, null, List.of()),
                        new TemplateVariable("SCOPE", "Scope", VariableType.TEXTAREA, false, "Everything", List.of()))),
                false).id();
    }

    protected String token(String role) {
        return tokens.computeIfAbsent(role, r -> SignIn.accessToken(http, r.contains("@") ? r : tenant.email(r)));
    }

    /** A browser stand-in signed in as the tenant's user of {@code role} (or an e-mail address). */
    protected InsurancePageClient as(String role) {
        return pages.computeIfAbsent(role, r -> new InsurancePageClient(port, token(r)));
    }

    protected InsurancePageClient asAnotherOrganization(String role) {
        Tenant other = TestTenants.create(jdbcTemplate);
        return new InsurancePageClient(port, SignIn.accessToken(http, other.email(role)));
    }

    protected Map<String, Object> createBody(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("templateId", templateId);
        body.put("title", title);
        body.put("counterpartyName", "Acme Steel LLC");
        body.put("counterpartyEmail", "buyer@acme.test");
        body.put("startDate", "2027-01-01");
        body.put("endDate", "2027-12-31");
        body.put("amount", "125000.00");
        body.put("autoRenew", true);
        body.put("renewalPeriodMonths", 12);
        body.put("noticePeriodDays", 30);
        body.put("variables", Map.of("CLIENT_NAME", "Acme <Steel> & Co", "START", "2027-01-01"));
        return body;
    }

    /** A draft owned by the tenant's user of {@code role}. */
    protected UUID draft(String role, String title) {
        ResponseEntity<JsonNode> created = SignIn.post(http, "/api/v1/contracts", createBody(title), token(role));
        if (created.getStatusCode().value() != 201) {
            throw new AssertionError("create: " + created.getStatusCode() + " " + created.getBody());
        }
        return UUID.fromString(created.getBody().get("id").asString());
    }

    protected ResponseEntity<JsonNode> api(String path, Object body, String role) {
        return SignIn.post(http, path, body == null ? Map.of() : body, token(role));
    }

    /** An edit through the API: the creation's details with {@code changes} on top (a new version). */
    protected void edit(UUID contract, String role, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(createBody("unused"));
        body.remove("templateId");
        body.remove("title");
        body.put("title", changes.getOrDefault("title", jdbcTemplate.queryForObject(
                "select title from contracts where id = ?", String.class, contract)));
        body.putAll(changes);
        ResponseEntity<JsonNode> saved = http.exchange("/api/v1/contracts/" + contract, HttpMethod.PUT,
                new HttpEntity<>(body, SignIn.bearer(token(role))), JsonNode.class);
        if (saved.getStatusCode().value() != 200) {
            throw new AssertionError("edit: " + saved.getStatusCode() + " " + saved.getBody());
        }
    }

    protected void submit(UUID contract, String role) {
        ResponseEntity<JsonNode> submitted = api("/api/v1/contracts/" + contract + "/submit", null, role);
        if (submitted.getStatusCode().value() != 200) {
            throw new AssertionError("submit: " + submitted.getStatusCode() + " " + submitted.getBody());
        }
    }

    protected String status(UUID contract) {
        return jdbcTemplate.queryForObject("select status from contracts where id = ?", String.class, contract);
    }

    protected UUID approval(UUID contract, int round, String type) {
        return jdbcTemplate.queryForObject("select id from contract_approvals where contract_id = ? and round = ? "
                + "and type = ?", UUID.class, contract, round, type);
    }

    protected void financeWorkflow(boolean on) {
        jdbcTemplate.update("delete from organization_features where organization_id = ? and feature = 'FINANCE_WORKFLOW'",
                tenant.organizationId());
        jdbcTemplate.update("insert into organization_features (organization_id, feature, enabled) values (?, "
                + "'FINANCE_WORKFLOW', ?)", tenant.organizationId(), on);
    }

    /** Posts a form of the contract's page (its CSRF token) as {@code role}. */
    protected HttpResponse<String> postForm(String role, UUID contract, String action, String... nameValues) {
        List<String[]> fields = new java.util.ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.add(new String[] {nameValues[i], nameValues[i + 1]});
        }
        return as(role).post("/contracts/" + contract, "/contracts/" + contract + "/" + action, fields);
    }

    protected static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}

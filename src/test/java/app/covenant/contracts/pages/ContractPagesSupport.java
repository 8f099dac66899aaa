package app.covenant.contracts.pages;

import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.templates.Annexure;
import app.covenant.contracts.templates.ContractTemplateLibrary;
import app.covenant.contracts.templates.TemplateCategory;
import app.covenant.contracts.templates.TemplateDraft;
import app.covenant.contracts.templates.TemplateVariable;
import app.covenant.contracts.templates.VariableType;
import app.covenant.notifications.SmtpOutboxTestSupport;
import app.covenant.shared.security.Caller;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The contract pages' tests: the whole application, a fresh tenant per test with a template of its own
 * ("{{CLIENT_NAME}}" and "{{START}}" required in the body, "{{SCOPE}}" with a default in an annexure), pages fetched
 * as a signed-in browser would (session cookie, CSRF field of the form page), contracts drafted through the API.
 */
abstract class ContractPagesSupport extends SmtpOutboxTestSupport {

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

    protected void newTenant() {
        tenant = TestTenants.create(jdbcTemplate);
        tokens.clear();
        templateId = library.create(templateManager(tenant), new TemplateDraft("PG-" + tenant.code(),
                "Page test services", TemplateCategory.SERVICE_AGREEMENT, "Services for page tests",
                "<p>Services for {{CLIENT_NAME}} from {{START}}.</p>",
                List.of(new Annexure("Scope", "<p>Scope: {{SCOPE}}</p>")),
                List.of(new TemplateVariable("CLIENT_NAME", "Client", VariableType.TEXT, true, null, List.of()),
                        new TemplateVariable("START", "Start", VariableType.DATE, true, null, List.of()),
                        new TemplateVariable("SCOPE", "Scope", VariableType.TEXTAREA, false, "Everything", List.of()))),
                false).id();
    }

    protected static Caller templateManager(Tenant tenant) {
        return new Caller(tenant.userId("LEGAL_MANAGER"), tenant.email("LEGAL_MANAGER"), "Test LEGAL_MANAGER",
                tenant.organizationId(), Set.of("LEGAL_MANAGER"),
                Set.of(ContractPermissions.TEMPLATE_READ, ContractPermissions.TEMPLATE_MANAGE), null);
    }

    protected String token(String roleOrEmail) {
        return tokens.computeIfAbsent(roleOrEmail, r -> SignIn.accessToken(http,
                r.contains("@") ? r : tenant.email(r)));
    }

    protected ContractPageClient page(String roleOrEmail) {
        return new ContractPageClient(port, token(roleOrEmail));
    }

    /** Another active member of the tenant with {@code role}; their e-mail (sign in with {@link #page}). */
    protected String colleague(String role) {
        String email = "colleague-" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant.code().toLowerCase()
                + ".test";
        TestTenants.addUser(jdbcTemplate, tenant, email, role);
        return email;
    }

    protected UUID userId(String email) {
        return jdbcTemplate.queryForObject("select id from users where email = ?", UUID.class, email);
    }

    /** A draft from the tenant's template, owned by the signed-in {@code roleOrEmail}; its id. */
    protected UUID draft(String roleOrEmail, String title, String endDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("templateId", templateId);
        body.put("title", title);
        body.put("counterpartyName", "Acme Steel LLC");
        body.put("counterpartyEmail", "buyer@acme.test");
        body.put("startDate", "2026-01-01");
        body.put("endDate", endDate);
        body.put("amount", "125000.00");
        body.put("variables", Map.of("CLIENT_NAME", "Acme Steel", "START", "2027-01-01"));
        ResponseEntity<JsonNode> created = api(roleOrEmail, "/api/v1/contracts", body);
        if (created.getStatusCode().value() != 201) {
            throw new AssertionError("create: " + created.getStatusCode() + " " + created.getBody());
        }
        return UUID.fromString(created.getBody().get("id").asString());
    }

    protected ResponseEntity<JsonNode> api(String roleOrEmail, String path, Object body) {
        return SignIn.post(http, path, body == null ? Map.of() : body, token(roleOrEmail));
    }

    protected String status(UUID contract) {
        return jdbcTemplate.queryForObject("select status from contracts where id = ?", String.class, contract);
    }

    protected int versions(UUID contract) {
        return jdbcTemplate.queryForObject("select count(*) from contract_versions where contract_id = ?",
                Integer.class, contract);
    }

    protected UUID approval(UUID contract, String type) {
        return jdbcTemplate.queryForObject("select id from contract_approvals where contract_id = ? and type = ? "
                + "order by round desc limit 1", UUID.class, contract, type);
    }

    protected static String listed(UUID contract) {
        return "data-contract=\"" + contract + "\"";
    }
}

package app.covenant.contracts;

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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The contracts' integration tests: the whole application with real e-mail (GreenMail), a fresh tenant per test with a
 * template of its own ("{{CLIENT_NAME}}", "{{START}}" in the body, "{{SCOPE}}" with a default in an annexure), and
 * signed-in users by role or e-mail address (tokens reused within a test). The contract pages' tests build on it.
 */
public abstract class ContractTestSupport extends SmtpOutboxTestSupport {

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcTemplate jdbcTemplate;
    @Autowired
    protected ContractTemplateLibrary library;

    protected Tenant tenant;
    protected UUID templateId;
    private final Map<String, String> tokens = new HashMap<>();

    protected void newTenant() {
        newTenant("Test services", "For tests");
    }

    /** A fresh tenant whose template is called {@code templateName}; no one signed in yet. */
    protected void newTenant(String templateName, String templateDescription) {
        tenant = TestTenants.create(jdbcTemplate);
        tokens.clear();
        templateId = library.create(templateManager(tenant), new TemplateDraft("SVC-" + tenant.code(),
                templateName, TemplateCategory.SERVICE_AGREEMENT, templateDescription,
                "<p>Services for {{CLIENT_NAME}} from {{START}}.</p><script>alert(1)</script>",
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

    /** The access token of the tenant's user of {@code roleOrEmail} (or of that e-mail address). */
    protected String token(String roleOrEmail) {
        return tokens.computeIfAbsent(roleOrEmail, r -> SignIn.accessToken(http, r.contains("@") ? r : tenant.email(r)));
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
        body.put("variables", Map.of("CLIENT_NAME", "Acme <Steel> & Co", "START", "2027-01-01"));
        return body;
    }

    /** A draft owned by the tenant's user of {@code role}; its JSON. */
    protected JsonNode draft(String role, String title) {
        return created(role, createBody(title));
    }

    /** A draft with this creation {@code body}, owned by the tenant's user of {@code roleOrEmail}; its JSON. */
    protected JsonNode created(String roleOrEmail, Map<String, Object> body) {
        ResponseEntity<JsonNode> created = post("/api/v1/contracts", body, token(roleOrEmail));
        if (created.getStatusCode().value() != 201) {
            throw new AssertionError("create: " + created.getStatusCode() + " " + created.getBody());
        }
        return created.getBody();
    }

    protected ResponseEntity<JsonNode> post(String path, Object body, String token) {
        return SignIn.post(http, path, body == null ? Map.of() : body, token);
    }

    protected ResponseEntity<JsonNode> get(String path, String token) {
        return SignIn.get(http, path, token);
    }

    protected ResponseEntity<JsonNode> put(String path, Object body, String token) {
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, SignIn.bearer(token)), JsonNode.class);
    }

    protected ResponseEntity<JsonNode> delete(String path, String token) {
        return http.exchange(path, HttpMethod.DELETE, new HttpEntity<>(SignIn.bearer(token)), JsonNode.class);
    }

    protected ResponseEntity<JsonNode> putWithIfMatch(String path, Object body, String token, String ifMatch) {
        HttpHeaders headers = SignIn.bearer(token);
        headers.setIfMatch(ifMatch);
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
    }

    protected String status(UUID contractId) {
        return jdbcTemplate.queryForObject("select status from contracts where id = ?", String.class, contractId);
    }

    /** The id of the contract's approval of {@code type} in {@code round}. */
    protected UUID approval(UUID contractId, int round, String type) {
        return jdbcTemplate.queryForObject("select id from contract_approvals where contract_id = ? and round = ? "
                + "and type = ?", UUID.class, contractId, round, type);
    }

    protected void financeWorkflow(boolean on) {
        jdbcTemplate.update("delete from organization_features where organization_id = ? and feature = 'FINANCE_WORKFLOW'",
                tenant.organizationId());
        jdbcTemplate.update("insert into organization_features (organization_id, feature, enabled) values (?, "
                + "'FINANCE_WORKFLOW', ?)", tenant.organizationId(), on);
    }

    protected static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }

    protected static Map<String, Object> comment(String text) {
        return Map.of("comment", text);
    }
}

package app.covenant.contracts.pages;

import app.covenant.contracts.ContractTestSupport;
import app.covenant.support.PageClient;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The contract pages' tests: the contracts' test support (a fresh tenant per test with a template of its own,
 * contracts drafted and moved through the API, sign-ins reused within a test) with the pages fetched as a browser
 * would (access cookie, CSRF field from the form page, no redirects followed).
 */
abstract class ContractPagesTestSupport extends ContractTestSupport {

    @LocalServerPort
    protected int port;

    private final Map<String, PageClient> pages = new HashMap<>();

    @Override
    protected void newTenant() {
        newTenant("Page test services", "Services for page tests");
    }

    @Override
    protected void newTenant(String templateName, String templateDescription) {
        super.newTenant(templateName, templateDescription);
        pages.clear();
    }

    /** A browser stand-in signed in as the tenant's user of {@code roleOrEmail} (or that e-mail address). */
    protected PageClient as(String roleOrEmail) {
        return pages.computeIfAbsent(roleOrEmail, r -> new PageClient(port, token(r)));
    }

    /** A browser stand-in signed in as the user of {@code role} in a new organization of its own. */
    protected PageClient asAnotherOrganization(String role) {
        return new PageClient(port, SignIn.accessToken(http, TestTenants.create(jdbcTemplate).email(role)));
    }

    /** Another active member of the tenant with {@code role}; their e-mail (sign in with {@link #as}). */
    protected String colleague(String role) {
        String email = "colleague-" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant.code().toLowerCase()
                + ".test";
        TestTenants.addUser(jdbcTemplate, tenant, email, role);
        return email;
    }

    protected UUID userId(String email) {
        return jdbcTemplate.queryForObject("select id from users where email = ?", UUID.class, email);
    }

    /** The creation's details with renewal terms (auto-renew every 12 months, 30 days' notice). */
    @Override
    protected Map<String, Object> createBody(String title) {
        Map<String, Object> body = super.createBody(title);
        body.put("autoRenew", true);
        body.put("renewalPeriodMonths", 12);
        body.put("noticePeriodDays", 30);
        return body;
    }

    /** A draft owned by the tenant's user of {@code role}; its id. */
    protected UUID draftId(String role, String title) {
        return id(draft(role, title));
    }

    /** A draft without renewal terms from 2026-01-01 to {@code endDate}, owned by {@code roleOrEmail}; its id. */
    protected UUID draftId(String roleOrEmail, String title, String endDate) {
        Map<String, Object> body = super.createBody(title);
        body.put("startDate", "2026-01-01");
        body.put("endDate", endDate);
        body.put("variables", Map.of("CLIENT_NAME", "Acme Steel", "START", "2027-01-01"));
        return id(created(roleOrEmail, body));
    }

    /** A POST to the API as the tenant's user of {@code roleOrEmail}. */
    protected ResponseEntity<JsonNode> api(String roleOrEmail, String path, Object body) {
        return post(path, body, token(roleOrEmail));
    }

    /** An edit through the API: the creation's details with {@code changes} on top (a new version). */
    protected void edit(UUID contract, String role, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(createBody("unused"));
        body.remove("templateId");
        body.remove("title");
        body.put("title", changes.getOrDefault("title", jdbcTemplate.queryForObject(
                "select title from contracts where id = ?", String.class, contract)));
        body.putAll(changes);
        ResponseEntity<JsonNode> saved = put("/api/v1/contracts/" + contract, body, token(role));
        if (saved.getStatusCode().value() != 200) {
            throw new AssertionError("edit: " + saved.getStatusCode() + " " + saved.getBody());
        }
    }

    protected void submit(UUID contract, String role) {
        ResponseEntity<JsonNode> submitted = api(role, "/api/v1/contracts/" + contract + "/submit", null);
        if (submitted.getStatusCode().value() != 200) {
            throw new AssertionError("submit: " + submitted.getStatusCode() + " " + submitted.getBody());
        }
    }

    protected int versions(UUID contract) {
        return jdbcTemplate.queryForObject("select count(*) from contract_versions where contract_id = ?",
                Integer.class, contract);
    }

    /** The id of the contract's approval of {@code type} in its latest round. */
    protected UUID approval(UUID contract, String type) {
        return jdbcTemplate.queryForObject("select id from contract_approvals where contract_id = ? and type = ? "
                + "order by round desc limit 1", UUID.class, contract, type);
    }

    /** Posts a form of the contract's page (its CSRF token) as {@code role}. */
    protected HttpResponse<String> postForm(String role, UUID contract, String action, String... nameValues) {
        List<String[]> fields = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.add(PageClient.field(nameValues[i], nameValues[i + 1]));
        }
        return as(role).post("/contracts/" + contract, "/contracts/" + contract + "/" + action, fields);
    }

    protected static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** The mark of the contract's row in a list. */
    protected static String listed(UUID contract) {
        return "data-contract=\"" + contract + "\"";
    }
}

package app.covenant.contracts.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.templates.ContractTemplateLibrary;
import app.covenant.contracts.templates.TemplateCategory;
import app.covenant.contracts.templates.TemplateDraft;
import app.covenant.contracts.templates.TemplateVariable;
import app.covenant.contracts.templates.VariableType;
import app.covenant.identity.internal.MeQueryCountTest;
import app.covenant.shared.security.Caller;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * No N+1 in the contracts' reads: the list (API and page), the legal queue (API and page) and a contract's page cost
 * the same number of statements for 3 contracts, approvals and versions as for 30. Counted on the embedded server's
 * request threads and this one, after one warm-up request each (the caller's permissions are cached); shares the
 * counting context of {@link MeQueryCountTest}.
 */
@IntegrationTest
@Import(MeQueryCountTest.CountingDataSource.class)
class ContractQueryCountTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ContractTemplateLibrary library;
    @LocalServerPort
    int port;
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void listsQueueAndDetailCostTheSameFor3As30() {
        Organization few = organization(3);
        Organization many = organization(30);

        for (String path : List.of("/api/v1/contracts?size=2", "/api/v1/contracts?q=services&size=2", "/contracts?size=2",
                "/contracts?q=services&size=2")) {
            assertThat(statements(many, "USER", path)).as("USER " + path).isEqualTo(statements(few, "USER", path));
            assertThat(statements(many, "LEGAL_MANAGER", path)).as("legal " + path)
                    .isEqualTo(statements(few, "LEGAL_MANAGER", path));
        }
        // A full page: both sizes read the page and count the queue.
        for (String path : List.of("/api/v1/approvals/pending?type=LEGAL&size=2",
                "/contracts/approvals?type=LEGAL&size=2")) {
            assertThat(statements(many, "LEGAL_MANAGER", path)).as(path)
                    .isEqualTo(statements(few, "LEGAL_MANAGER", path));
        }
        assertThat(statements(many, "LEGAL_MANAGER", "/contracts/" + many.edited()))
                .as("a contract's page with 30 versions")
                .isEqualTo(statements(few, "LEGAL_MANAGER", "/contracts/" + few.edited()));
        assertThat(statements(many, "USER", "/contracts/" + many.edited()))
                .isEqualTo(statements(few, "USER", "/contracts/" + few.edited()));
        assertThat(statements(many, "LEGAL_MANAGER", "/api/v1/contracts/" + many.edited()))
                .isEqualTo(statements(few, "LEGAL_MANAGER", "/api/v1/contracts/" + few.edited()));
    }

    /** A tenant with {@code n} contracts of its USER, all submitted to legal, one of them saved {@code n} times. */
    private Organization organization(int n) {
        Tenant tenant = TestTenants.create(jdbc);
        Caller manager = new Caller(tenant.userId("LEGAL_MANAGER"), tenant.email("LEGAL_MANAGER"), "Test LEGAL_MANAGER",
                tenant.organizationId(), Set.of("LEGAL_MANAGER"),
                Set.of(ContractPermissions.TEMPLATE_READ, ContractPermissions.TEMPLATE_MANAGE), null);
        UUID template = library.create(manager, new TemplateDraft("QC-" + tenant.code(), "Counted services",
                TemplateCategory.SERVICE_AGREEMENT, "For query counts", "<p>Services for {{CLIENT_NAME}}.</p>",
                List.of(), List.of(new TemplateVariable("CLIENT_NAME", "Client", VariableType.TEXT, true, null,
                        List.of()))), false).id();
        Organization organization = new Organization(tenant, SignIn.accessToken(http, tenant.email("USER")),
                SignIn.accessToken(http, tenant.email("LEGAL_MANAGER")), new ArrayList<>());
        for (int i = 0; i < n; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("templateId", template);
            body.put("title", "Services " + i);
            body.put("counterpartyName", "Acme Steel LLC");
            body.put("variables", Map.of("CLIENT_NAME", "Acme " + i));
            ResponseEntity<JsonNode> created = SignIn.post(http, "/api/v1/contracts", body, organization.user);
            assertThat(created.getStatusCode().value()).as("create").isEqualTo(201);
            organization.contracts.add(UUID.fromString(created.getBody().get("id").asString()));
        }
        UUID edited = organization.contracts.getFirst();
        for (int i = 1; i < n; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", "Services 0, edit " + i);
            body.put("counterpartyName", "Acme Steel LLC");
            body.put("variables", Map.of("CLIENT_NAME", "Acme edit " + i));
            ResponseEntity<JsonNode> saved = http.exchange("/api/v1/contracts/" + edited, HttpMethod.PUT,
                    new HttpEntity<>(body, SignIn.bearer(organization.user)), JsonNode.class);
            assertThat(saved.getStatusCode().value()).as("edit " + saved.getBody()).isEqualTo(200);
        }
        for (UUID contract : organization.contracts) {
            assertThat(SignIn.post(http, "/api/v1/contracts/" + contract + "/submit", Map.of(), organization.user)
                    .getStatusCode().value()).as("submit").isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("select count(*) from contract_versions where contract_id = ?", Long.class,
                edited)).isEqualTo(n);
        return organization;
    }

    private int statements(Organization organization, String role, String path) {
        String token = role.equals("USER") ? organization.user : organization.legal;
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html").GET().build();
        Supplier<HttpResponse<String>> request = () -> {
            try {
                return client.send(get, HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(request.get().statusCode()).as(role + " " + path).isEqualTo(200);
        // The fewer of two: a permission cache expiring during one of them adds the caller's reload to it.
        return Math.min(counted(request), counted(request));
    }

    private static int counted(Supplier<HttpResponse<String>> request) {
        MeQueryCountTest.counted = Thread.currentThread();
        MeQueryCountTest.countRequests = true;
        MeQueryCountTest.statements.set(0);
        try {
            assertThat(request.get().statusCode()).isEqualTo(200);
        } finally {
            MeQueryCountTest.countRequests = false;
            MeQueryCountTest.counted = null;
        }
        return MeQueryCountTest.statements.get();
    }

    private record Organization(Tenant tenant, String user, String legal, List<UUID> contracts) {

        UUID edited() {
            return contracts.getFirst();
        }
    }
}

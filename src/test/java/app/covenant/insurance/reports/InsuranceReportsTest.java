package app.covenant.insurance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.insurance.ComplianceScenario;
import app.covenant.insurance.InsuranceRows;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The two insurance reports: page, CSV and JSON, their filters, visibility and authorization. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsuranceReportsTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private ComplianceScenario scenario;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @BeforeAll
    void records() {
        scenario = new ComplianceScenario(jdbc);
    }

    @Test
    void nonCompliantSubsByProjectListTheOrganizationsActiveSubsWithTheirLatestCertificate() {
        JsonNode page = api("/api/v1/reports/insurance/non-compliant", "MANAGER").getBody();

        assertThat(rows(page, "projectName", "subcontractorName", "insuranceStatus", "coiStatus", "deficiencies"))
                .containsExactly(
                        "Alpha Tower|" + ComplianceScenario.FORMULA_SUB + "|EXPIRED|EXPIRED|0",
                        "Alpha Tower|Sparks Electric|NON_COMPLIANT|DEFICIENCY_PENDING|2",
                        "Beta Bridge|Sparks Electric|NON_COMPLIANT|ACTIVE|0");
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(3);
        assertThat(page.get("content").get(1).get("coiId").asString()).isEqualTo(scenario.sparksDeficient.toString());
        assertThat(page.get("content").get(1).get("gcName").asString()).isEqualTo("Alpha Builders");
        assertThat(page.get("content").get(1).get("assignedAdminEmail").asString()).isEqualTo("project-admin@example.com");

        // Pending on request (no standing row is pending); filters by GC and by project.
        assertThat(rows(api("/api/v1/reports/insurance/non-compliant?includePending=true", "MANAGER").getBody(),
                "projectName", "subcontractorName", "insuranceStatus", "coiStatus"))
                .containsExactly("Alpha Tower|" + ComplianceScenario.FORMULA_SUB + "|EXPIRED|EXPIRED",
                        "Alpha Tower|Pending Plumbing|PENDING|AWAITING_ADMIN_REVIEW",
                        "Alpha Tower|Sparks Electric|NON_COMPLIANT|DEFICIENCY_PENDING",
                        "Beta Bridge|Sparks Electric|NON_COMPLIANT|ACTIVE");
        assertThat(rows(api("/api/v1/reports/insurance/non-compliant?gcId=" + scenario.beta, "MANAGER").getBody(),
                "projectName", "subcontractorName")).containsExactly("Beta Bridge|Sparks Electric");
        assertThat(rows(api("/api/v1/reports/insurance/non-compliant?projectId=" + scenario.alphaTower, "ADMIN").getBody(),
                "projectName", "subcontractorName")).containsExactly("Alpha Tower|" + ComplianceScenario.FORMULA_SUB,
                "Alpha Tower|Sparks Electric");
        // Sorted on request; an unknown sort key is the client's mistake.
        assertThat(rows(api("/api/v1/reports/insurance/non-compliant?sort=projectName,desc&size=1", "MANAGER").getBody(),
                "projectName")).containsExactly("Beta Bridge");
        assertThat(api("/api/v1/reports/insurance/non-compliant?sort=secret", "MANAGER").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aGeneralContractorsPeopleSeeOnlyTheirProjectsAndAnotherOrganizationNothingOfThis() {
        assertThat(rows(api("/api/v1/reports/insurance/non-compliant", "CONTRACTOR").getBody(), "projectName",
                "subcontractorName")).containsExactly("Alpha Tower|" + ComplianceScenario.FORMULA_SUB,
                "Alpha Tower|Sparks Electric");
        assertThat(rows(api("/api/v1/reports/insurance/non-compliant?gcId=" + scenario.beta, "CONTRACTOR").getBody(),
                "projectName")).isEmpty();
        assertThat(rows(api("/api/v1/reports/insurance/expiring?days=90", "CONTRACTOR").getBody(), "projectName"))
                .containsOnly("Alpha Tower").hasSize(4);

        // Another organization's manager, even naming this one's project, and its platform operator's reports.
        String foreign = token(scenario.other, "MANAGER");
        assertThat(rows(get("/api/v1/reports/insurance/non-compliant?projectId=" + scenario.alphaTower, foreign)
                .getBody(), "projectName")).isEmpty();
        assertThat(rows(get("/api/v1/reports/insurance/non-compliant", foreign).getBody(), "projectName"))
                .containsExactly("Elsewhere Project");
        assertThat(rows(api("/api/v1/reports/insurance/expiring?days=90", "SUPER_ADMIN").getBody(), "projectName"))
                .doesNotContain("Elsewhere Project").hasSize(5);
    }

    @Test
    void expiringPoliciesOfActiveCertificatesSoonestFirstWithTheirBroker() {
        JsonNode page = api("/api/v1/reports/insurance/expiring?days=30", "MANAGER").getBody();

        assertThat(rows(page, "expirationDate", "daysLeft", "projectName", "subcontractorName", "line", "policyNumber",
                "brokerName", "brokerEmail")).containsExactly(
                scenario.today.plusDays(5) + "|5|Alpha Tower|" + ComplianceScenario.QUOTED_SUB + "|GL|GL-ROOF|Bea Broker|bea@example.com",
                scenario.today.plusDays(10) + "|10|Beta Bridge|Sparks Electric|GL|GL-BETA|Gil Lines|gil@example.com",
                scenario.today.plusDays(20) + "|20|Alpha Tower|" + ComplianceScenario.QUOTED_SUB + "|AUTO|AU-ROOF|Bea Broker|bea@example.com");
        assertThat(rows(api("/api/v1/reports/insurance/expiring?days=7", "MANAGER").getBody(), "policyNumber"))
                .containsExactly("GL-ROOF");
        assertThat(rows(api("/api/v1/reports/insurance/expiring?days=60", "MANAGER").getBody(), "policyNumber"))
                .containsExactly("GL-ROOF", "GL-BETA", "AU-ROOF", "WC-ROOF", "GL-OLD");
        assertThat(rows(api("/api/v1/reports/insurance/expiring?days=90&gcId=" + scenario.beta, "MANAGER").getBody(),
                "policyNumber")).containsExactly("GL-BETA");
        assertThat(rows(api("/api/v1/reports/insurance/expiring?days=90&projectId=" + scenario.alphaTower
                + "&sort=expirationDate,desc", "MANAGER").getBody(), "policyNumber"))
                .containsExactly("GL-OLD", "WC-ROOF", "AU-ROOF", "GL-ROOF");

        ResponseEntity<JsonNode> refused = api("/api/v1/reports/insurance/expiring?days=31", "MANAGER");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().toString()).contains("days");
    }

    @Test
    void thePageShowsEitherReportWithItsFiltersAndTheCsvLink() {
        String nonCompliant = page("/insurance/reports", "MANAGER").getBody();
        assertThat(nonCompliant).contains("Subcontractors out of compliance, by project", "Alpha Tower", "Beta Bridge",
                        "href=\"/insurance/certificates/" + scenario.sparksDeficient + "\"",
                        "href=\"/insurance/reports/non-compliant.csv\"", "Alpha Builders", "data-label=\"Insurance status\"")
                .doesNotContain("Pending Plumbing", "Inactive Iron", "Elsewhere");
        assertThat(page("/insurance/reports?includePending=true&gcId=" + scenario.alpha, "MANAGER").getBody())
                .contains("Pending Plumbing", "href=\"/insurance/reports/non-compliant.csv?gcId=" + scenario.alpha
                        + "&amp;includePending=true\"")
                .doesNotContain("Beta Bridge</a>");

        // The home card "Policies expiring in 30 days" lands here.
        String expiring = page("/insurance/reports?expiringDays=30", "MANAGER").getBody();
        assertThat(expiring).contains("Policies expiring in the next 30 days", "GL-ROOF", "GL-BETA", "AU-ROOF",
                        "href=\"/insurance/reports/expiring.csv?days=30\"", "mailto:bea@example.com")
                .doesNotContain("WC-ROOF", "GL-ELSEWHERE");
        assertThat(page("/insurance/reports?expiringDays=7&projectId=" + scenario.betaBridge, "MANAGER").getBody())
                .contains("No policy expires in the next 7 days");
        assertThat(page("/insurance/reports?expiringDays=5", "MANAGER").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void csvFilesCarryTheHeaderEveryRowQuotedAndNoFormula() throws IOException {
        ResponseEntity<String> response = csv("/insurance/reports/non-compliant.csv?includePending=true", "MANAGER");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(response.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(response.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("non-compliant-subcontractors-" + scenario.today + ".csv");
        List<CSVRecord> records = parse(response.getBody());
        assertThat(records.getFirst().toList()).containsExactly("Project", "General contractor", "Subcontractor",
                "Insurance status", "Latest certificate status", "Latest certificate", "Deficiencies", "Assigned admin");
        assertThat(records).hasSize(5);
        // The formula is written as text, and the raw file quotes what needs quoting.
        assertThat(records.get(1).get(2)).isEqualTo("'" + ComplianceScenario.FORMULA_SUB);
        assertThat(records.get(3).toList()).containsExactly("Alpha Tower", "Alpha Builders", "Sparks Electric",
                "NON_COMPLIANT", "DEFICIENCY_PENDING", scenario.sparksDeficient.toString(), "2", "project-admin@example.com");
        assertThat(response.getBody()).contains("\"'=HYPERLINK(\"\"x\"\")\"").doesNotContain("Elsewhere");

        ResponseEntity<String> expiring = csv("/insurance/reports/expiring.csv?days=60", "CONTRACTOR");
        assertThat(expiring.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("policies-expiring-60-days-" + scenario.today + ".csv");
        List<CSVRecord> policies = parse(expiring.getBody());
        assertThat(policies.getFirst().get(0)).isEqualTo("Expiration date");
        assertThat(policies.stream().skip(1).map(r -> r.get(5)).toList())
                .containsExactly("GL-ROOF", "AU-ROOF", "WC-ROOF", "GL-OLD");
        assertThat(policies.get(1).get(3)).isEqualTo(ComplianceScenario.QUOTED_SUB);
        assertThat(expiring.getBody()).contains("\"Roof, \"\"Top\"\" Co\"");
        assertThat(policies.get(3).get(6)).isEqualTo("'=cmd|' /C calc'!A0");
    }

    @Test
    void theCsvHoldsEveryRowBeyondOnePageOfTheList() throws IOException {
        TestTenants.Tenant big = TestTenants.create(jdbc);
        InsuranceRows rows = new InsuranceRows(jdbc);
        UUID gc = rows.generalContractor(big.organizationId(), "Big Builders");
        UUID project = rows.project(big.organizationId(), gc, "Big Project", "ACTIVE");
        int count = 130;
        for (int i = 0; i < count; i++) {
            UUID sub = rows.subcontractor(big.organizationId(), "Sub %03d".formatted(i));
            rows.standing(sub, i % 2 == 0 ? "NON_COMPLIANT" : "EXPIRED");
            rows.assign(project, sub);
        }
        String manager = token(big, "MANAGER");

        JsonNode firstPage = get("/api/v1/reports/insurance/non-compliant?size=100", manager).getBody();
        assertThat(firstPage.get("content")).hasSize(100);
        assertThat(firstPage.get("page").get("totalElements").asLong()).isEqualTo(count);
        assertThat(firstPage.get("page").get("totalPages").asLong()).isEqualTo(2);
        String html = exchange("/insurance/reports", manager, MediaType.TEXT_HTML).getBody();
        assertThat(html).contains("Sub 019").doesNotContain("Sub 020").contains("href=\"/insurance/reports?page=1&amp;size=20\"");

        List<CSVRecord> records = parse(exchange("/insurance/reports/non-compliant.csv", manager, MediaType.ALL).getBody());
        assertThat(records).hasSize(count + 1);
        assertThat(records.get(count).get(2)).isEqualTo("Sub 129");
    }

    @Test
    void onlyHoldersOfTheReportPermissionGetReports() {
        for (String role : List.of("SUBCONTRACTOR", "BROKER", "USER", "LEGAL_MANAGER")) {
            assertThat(api("/api/v1/reports/insurance/non-compliant", role).getStatusCode()).as(role).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(api("/api/v1/reports/insurance/expiring", role).getStatusCode()).as(role).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(csv("/insurance/reports/expiring.csv", role).getStatusCode()).as(role).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(page("/insurance/reports", role).getStatusCode()).as(role).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/api/v1/reports/insurance/non-compliant", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> anonymous = http.withRedirects(HttpRedirects.DONT_FOLLOW).exchange(
                "/insurance/reports/non-compliant.csv", HttpMethod.GET, new HttpEntity<>(browser), String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(anonymous.getHeaders().getLocation().toString()).contains("/login");
    }

    private static List<String> rows(JsonNode page, String... fields) {
        return StreamSupport.stream(page.get("content").spliterator(), false)
                .map(row -> String.join("|", java.util.Arrays.stream(fields)
                        .map(field -> row.get(field).isNull() ? "null" : row.get(field).asString()).toList()))
                .toList();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    private ResponseEntity<JsonNode> api(String path, String role) {
        return get(path, token(scenario.home, role));
    }

    private ResponseEntity<JsonNode> get(String path, String token) {
        return SignIn.get(http, path, token);
    }

    private ResponseEntity<String> page(String path, String role) {
        return exchange(path, token(scenario.home, role), MediaType.TEXT_HTML);
    }

    private ResponseEntity<String> csv(String path, String role) {
        return exchange(path, token(scenario.home, role), MediaType.ALL);
    }

    private ResponseEntity<String> exchange(String path, String token, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setAccept(List.of(accept));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private String token(TestTenants.Tenant tenant, String role) {
        return tokens.computeIfAbsent(tenant.code() + role, key -> SignIn.accessToken(http, tenant.email(role)));
    }
}

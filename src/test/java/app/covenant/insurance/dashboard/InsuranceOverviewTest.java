package app.covenant.insurance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.insurance.ComplianceScenario;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/** {@code /insurance}: the figures and the projects table per kind of viewer, and what a sub or broker gets instead. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsuranceOverviewTest {

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
    void theOrganizationsStaffSeeEveryFigureAndEveryProjectCountedByInsuranceStatus() {
        for (String role : List.of("MANAGER", "ADMIN", "SUPER_ADMIN")) {
            String html = page("/insurance", scenario.home, role).getBody();

            assertThat(counts(html, "certificates-by-status")).as(role).containsExactly(
                    "AWAITING_BROKER_INFO=1", "AWAITING_BROKER_UPLOAD=0", "AWAITING_BROKER_SIGNATURE=0",
                    "AWAITING_ADMIN_REVIEW=1", "DEFICIENCY_PENDING=1", "ACTIVE=3", "EXPIRED=1");
            assertThat(counts(html, "subcontractors-by-status")).as(role).containsExactly(
                    "COMPLIANT=1", "NON_COMPLIANT=2", "PENDING=1", "EXPIRED=1");
            assertThat(figures(html)).as(role).containsExactly("expiring-7=1", "expiring-30=3", "review-queue=1");
            assertThat(html).contains("The oldest has waited since 3 days ago.")
                    .contains("href=\"/insurance/certificates?status=DEFICIENCY_PENDING\"",
                            "href=\"/insurance/contractors?insuranceStatus=NON_COMPLIANT\"",
                            "href=\"/insurance/reports?expiringDays=7\"", "href=\"/insurance/review\"",
                            "href=\"/insurance/projects/" + scenario.alphaTower + "\"")
                    .doesNotContain("Elsewhere");
            assertThat(projects(html)).as(role).containsExactly(
                    "Alpha Tower|Alpha Builders|subs=4|compliant=1|non=2|pending=1",
                    "Beta Bridge|Beta Construction|subs=2|compliant=0|non=2|pending=0");
        }
        // The projects table is paged.
        String second = page("/insurance?page=1&size=1", scenario.home, "MANAGER").getBody();
        assertThat(projects(second)).containsExactly("Beta Bridge|Beta Construction|subs=2|compliant=0|non=2|pending=0");
        assertThat(second).contains("href=\"/insurance?page=0&amp;size=1\"");
    }

    @Test
    void aGeneralContractorsPeopleSeeTheirOwnProjectsSubsAndCertificatesOnly() {
        String html = page("/insurance", scenario.home, "CONTRACTOR").getBody();

        assertThat(counts(html, "certificates-by-status")).containsExactly(
                "AWAITING_BROKER_INFO=0", "AWAITING_BROKER_UPLOAD=0", "AWAITING_BROKER_SIGNATURE=0",
                "AWAITING_ADMIN_REVIEW=1", "DEFICIENCY_PENDING=1", "ACTIVE=2", "EXPIRED=1");
        assertThat(counts(html, "subcontractors-by-status")).containsExactly(
                "COMPLIANT=1", "NON_COMPLIANT=1", "PENDING=1", "EXPIRED=1");
        assertThat(figures(html)).containsExactly("expiring-7=1", "expiring-30=2", "review-queue=1");
        assertThat(projects(html)).containsExactly("Alpha Tower|Alpha Builders|subs=4|compliant=1|non=2|pending=1");
        assertThat(html).doesNotContain("Beta Bridge", "Inactive Iron", "Elsewhere");
    }

    @Test
    void aSubsPeopleAndBrokersGetTheirCertificatesAndTheirPoliciesToRenew() {
        String sub = page("/insurance", scenario.home, "SUBCONTRACTOR").getBody();
        assertThat(counts(sub, "certificates-by-status")).contains("ACTIVE=2", "DEFICIENCY_PENDING=1", "EXPIRED=0",
                "AWAITING_ADMIN_REVIEW=0");
        assertThat(sub).contains("Your policies expiring in the next 30 days", "GL-BETA", "Open your certificates")
                .doesNotContain("id=\"overview-projects\"", "subcontractors-by-status", "GL-ROOF", "data-figure");

        String broker = page("/insurance", scenario.home, "BROKER").getBody();
        assertThat(counts(broker, "certificates-by-status")).contains("ACTIVE=1", "DEFICIENCY_PENDING=0");
        assertThat(broker).contains("GL-ROOF", "AU-ROOF", "href=\"/insurance/certificates/" + scenario.roofActive + "\"")
                .doesNotContain("GL-BETA", "WC-ROOF", "Sparks Electric");
    }

    @Test
    void anotherOrganizationSeesOnlyItsOwnAndAnEmptyOneIsToldWhatToDo() {
        String other = page("/insurance", scenario.other, "ADMIN").getBody();
        assertThat(counts(other, "certificates-by-status")).contains("ACTIVE=1", "AWAITING_ADMIN_REVIEW=1",
                "DEFICIENCY_PENDING=0", "EXPIRED=0");
        assertThat(projects(other)).containsExactly("Elsewhere Project|Elsewhere Builders|subs=1|compliant=0|non=1|pending=0");
        assertThat(other).doesNotContain("Alpha Tower", "Sparks Electric");

        TestTenants.Tenant empty = TestTenants.create(jdbc);
        String manager = page("/insurance", empty, "MANAGER").getBody();
        assertThat(manager).contains("No projects yet", "href=\"/insurance/projects/new\"", "Nothing waits for a reviewer.");
        assertThat(figures(manager)).containsExactly("expiring-7=0", "expiring-30=0", "review-queue=0");
    }

    @Test
    void theOverviewNeedsTheCertificatePermission() {
        assertThat(page("/insurance", scenario.home, "USER").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> anonymous = http.withRedirects(HttpRedirects.DONT_FOLLOW)
                .exchange("/insurance", HttpMethod.GET, new HttpEntity<>(browser), String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(anonymous.getHeaders().getLocation().toString()).endsWith("/login?next=%2Finsurance");
    }

    /** A status table's rows as "STATUS=count", in order. */
    private static List<String> counts(String html, String tableId) {
        int start = html.indexOf("id=\"" + tableId + "\"");
        assertThat(start).as(tableId).isPositive();
        String table = html.substring(start, html.indexOf("</table>", start));
        Matcher row = Pattern.compile("data-status-count=\"([A-Z_]+)\"[\\s\\S]*?data-count>(\\d+)<").matcher(table);
        List<String> counts = new ArrayList<>();
        while (row.find()) {
            counts.add(row.group(1) + "=" + row.group(2));
        }
        return counts;
    }

    private static List<String> figures(String html) {
        Matcher figure = Pattern.compile("data-figure=\"([a-z0-9-]+)\"[\\s\\S]*?data-count>(\\d+)<").matcher(html);
        Map<String, String> figures = new LinkedHashMap<>();
        while (figure.find()) {
            figures.put(figure.group(1), figure.group(2));
        }
        return figures.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static List<String> projects(String html) {
        Matcher row = Pattern.compile("data-project=\"[^\"]+\">\\s*<td[^>]*><a[^>]*>([^<]+)</a></td>\\s*"
                + "<td[^>]*>([^<]*)</td>[\\s\\S]*?data-subs>(\\d+)<[\\s\\S]*?data-compliant>(\\d+)<"
                + "[\\s\\S]*?data-non-compliant>(\\d+)<[\\s\\S]*?data-pending>(\\d+)<").matcher(html);
        List<String> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1) + "|" + row.group(2) + "|subs=" + row.group(3) + "|compliant=" + row.group(4)
                    + "|non=" + row.group(5) + "|pending=" + row.group(6));
        }
        return rows;
    }

    private ResponseEntity<String> page(String path, TestTenants.Tenant tenant, String role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(tokens.computeIfAbsent(tenant.code() + role, key -> SignIn.accessToken(http, tenant.email(role))));
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}

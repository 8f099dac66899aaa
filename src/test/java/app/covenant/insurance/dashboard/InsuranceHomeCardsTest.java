package app.covenant.insurance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.insurance.ComplianceScenario;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The insurance cards of the home page ({@link InsuranceHomeCards}) per role, on the records of
 * {@link ComplianceScenario}: each count, who gets which card, and that each lands on a page that lists
 * exactly what it counted.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsuranceHomeCardsTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private ComplianceScenario scenario;

    @BeforeAll
    void records() {
        scenario = new ComplianceScenario(jdbc);
    }

    @Test
    void theOrganizationsStaffGetTheReviewQueueSubsOutOfComplianceAndPoliciesExpiring() {
        for (String role : List.of("MANAGER", "ADMIN")) {
            assertThat(insuranceCards(scenario.home, role)).as(role).containsExactlyInAnyOrder(
                    "/insurance/review=1", "/insurance/reports=2", "/insurance/reports?expiringDays=30=3");
        }
        // A platform operator sees every organization's records, but their home counts their current organization.
        assertThat(insuranceCards(scenario.home, "SUPER_ADMIN")).containsExactlyInAnyOrder(
                "/insurance/review=1", "/insurance/reports=2", "/insurance/reports?expiringDays=30=3");
        assertThat(insuranceCards(scenario.other, "ADMIN")).containsExactlyInAnyOrder(
                "/insurance/review=1", "/insurance/reports=1", "/insurance/reports?expiringDays=30=1");
    }

    @Test
    void aGeneralContractorsPeopleCountTheirProjectsOnly() {
        // No review permission, no step of their own in the workflow: the two report cards.
        assertThat(insuranceCards(scenario.home, "CONTRACTOR")).containsExactlyInAnyOrder(
                "/insurance/reports=2", "/insurance/reports?expiringDays=30=2");
    }

    @Test
    void aSubsPeopleAndBrokersGetTheirOwnWorkAndTheirExpiringPolicies() {
        // Sparks Electric has a certificate with deficiencies to fix and one policy expiring within 30 days;
        // without the report permission, the card opens the overview that lists their policies.
        assertThat(insuranceCards(scenario.home, "SUBCONTRACTOR")).containsExactlyInAnyOrder(
                "/insurance/certificates=1", "/insurance=1");
        // The broker holds Roof's policies: two expire within 30 days; nothing waits for their signature.
        assertThat(insuranceCards(scenario.home, "BROKER")).containsExactly("/insurance=2");
    }

    @Test
    void cardsAreAbsentWithoutThePermissionOrWithNothingToCount() {
        assertThat(insuranceCards(scenario.home, "USER")).isEmpty();
        assertThat(insuranceCards(scenario.home, "LEGAL_MANAGER")).isEmpty();
        TestTenants.Tenant quiet = TestTenants.create(jdbc);
        for (String role : List.of("ADMIN", "MANAGER", "CONTRACTOR", "SUBCONTRACTOR", "BROKER")) {
            assertThat(insuranceCards(quiet, role)).as(role).isEmpty();
        }
    }

    /** The insurance cards of the person's home page as "link=count". */
    private List<String> insuranceCards(TestTenants.Tenant tenant, String role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(SignIn.accessToken(http, tenant.email(role)));
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        String html = http.exchange("/", HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
        Matcher card = Pattern.compile("data-home-card=\"([^\"]+)\"[\\s\\S]*?data-count>(\\d+)<").matcher(html);
        List<String> cards = new ArrayList<>();
        while (card.find()) {
            if (card.group(1).startsWith("/insurance")) {
                cards.add(card.group(1).replace("&amp;", "&") + "=" + card.group(2));
            }
        }
        return cards;
    }
}

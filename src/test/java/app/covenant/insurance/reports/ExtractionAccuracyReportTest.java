package app.covenant.insurance.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.covenant.insurance.ComplianceScenario;
import app.covenant.insurance.InsuranceRows;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Certificate reading accuracy by producer, from stored readings and corrections inserted here: the figures, the
 * period, who sees which certificates' readings, nothing of another organization, the page section and its CSV, and
 * who may read the report at all.
 *
 * <pre>
 * Acme Agency         Sparks' deficient COI (Alpha Tower)  TEXT      80 fields, 2 corrected   2 days ago
 *                     Roof's active COI (Alpha Tower)      ACROFORM 100 fields, 0 corrected   1 day ago
 * =HYPERLINK(…)       Pending's COI (Alpha Tower)          TEXT      20 fields, 1 corrected   3 days ago
 * Beta Brokers        Sparks on Beta Bridge                OCR       50 fields, 5 corrected  40 days ago
 * (not counted)       the expired COI: NO_TEXT, and a scan still READING
 * Acme Agency         another organization's COI           TEXT      70 fields, 3 corrected   1 day ago
 * </pre>
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractionAccuracyReportTest {

    static final String FORMULA_AGENCY = "=HYPERLINK(\"agency\")";
    private static final String API = "/api/v1/reports/insurance/extraction-accuracy";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    private ComplianceScenario scenario;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    void records() {
        scenario = new ComplianceScenario(jdbc);
        UUID home = scenario.home.organizationId();
        UUID reviewer = scenario.home.userId("MANAGER");
        reading(home, scenario.sparksDeficient, "EXTRACTED", "TEXT", "Acme Agency", 80, days(2), reviewer,
                "GL.policyNumber", "GL.expirationDate");
        reading(home, scenario.roofActive, "EXTRACTED", "ACROFORM", "Acme Agency", 100, days(1), reviewer);
        reading(home, scenario.pendingInReview, "EXTRACTED", "TEXT", FORMULA_AGENCY, 20, days(3), reviewer,
                "WC.limits.EL_EACH_ACCIDENT");
        reading(home, scenario.sparksOnBeta, "EXTRACTED", "OCR", "Beta Brokers", 50, days(40), reviewer,
                "GL.policyNumber", "GL.effectiveDate", "GL.expirationDate", "GL.limits.EACH_OCCURRENCE",
                "GL.additionalInsured");
        reading(home, scenario.formulaExpired, "NO_TEXT", null, null, 0, days(1), reviewer);
        reading(home, scenario.formulaExpired, "READING", null, "Acme Agency", 0, days(1), reviewer);

        InsuranceRows rows = new InsuranceRows(jdbc);
        UUID other = scenario.other.organizationId();
        UUID gc = rows.generalContractor(other, "Next Door Builders");
        UUID sub = rows.subcontractor(other, "Next Door Sub");
        UUID project = rows.project(other, gc, "Next Door Project", "ACTIVE");
        rows.assign(project, sub);
        UUID coi = rows.coi(project, sub, "AWAITING_ADMIN_REVIEW");
        reading(other, coi, "EXTRACTED", "TEXT", "Acme Agency", 70, days(1), scenario.other.userId("MANAGER"),
                "GL.policyNumber", "AUTO.policyNumber", "WC.policyNumber");
    }

    @Test
    void perProducerTheCertificatesAndFieldsReadTheCorrectionsAndTheAccuracyByMethodWithTotals() {
        JsonNode report = api(API, "MANAGER").getBody();

        assertThat(producers(report)).containsExactly("Acme Agency|2|180|2", FORMULA_AGENCY + "|1|20|1",
                "Beta Brokers|1|50|5");
        JsonNode acme = report.get("producers").get(0);
        assertThat(acme.get("accuracy").asDouble()).isCloseTo(1 - 2 / 180.0, within(1e-9));
        assertThat(acme.get("byMethod").get("TEXT").get("certificatesRead").asLong()).isEqualTo(1);
        assertThat(acme.get("byMethod").get("TEXT").get("fieldsCorrected").asLong()).isEqualTo(2);
        assertThat(acme.get("byMethod").get("ACROFORM").get("fieldsRead").asLong()).isEqualTo(100);
        assertThat(acme.get("byMethod").get("ACROFORM").get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(acme.get("byMethod").has("OCR")).isFalse();
        assertThat(Instant.parse(acme.get("lastReadAt").asString())).isEqualTo(now.minus(days(1)));
        assertThat(report.get("producers").get(2).get("accuracy").asDouble()).isCloseTo(0.9, within(1e-9));

        JsonNode totals = report.get("totals");
        assertThat(totals.get("certificatesRead").asLong()).isEqualTo(4);
        assertThat(totals.get("fieldsRead").asLong()).isEqualTo(250);
        assertThat(totals.get("fieldsCorrected").asLong()).isEqualTo(8);
        assertThat(totals.get("accuracy").asDouble()).isCloseTo(1 - 8 / 250.0, within(1e-9));
        assertThat(report.get("totalsByMethod").get("TEXT").get("certificatesRead").asLong()).isEqualTo(2);
        assertThat(report.get("totalsByMethod").get("OCR").get("fieldsCorrected").asLong()).isEqualTo(5);
    }

    @Test
    void fromAndToBoundTheDaysOfTheReadings() {
        String recent = API + "?from=" + scenario.today.minusDays(10);
        assertThat(producers(api(recent, "MANAGER").getBody())).containsExactly("Acme Agency|2|180|2",
                FORMULA_AGENCY + "|1|20|1");
        String old = API + "?from=" + scenario.today.minusDays(60) + "&to=" + scenario.today.minusDays(30);
        JsonNode report = api(old, "MANAGER").getBody();
        assertThat(producers(report)).containsExactly("Beta Brokers|1|50|5");
        assertThat(report.get("from").asString()).isEqualTo(scenario.today.minusDays(60).toString());
        JsonNode nothing = api(API + "?to=" + scenario.today.minusDays(100), "MANAGER").getBody();
        assertThat(nothing.get("producers")).isEmpty();
        assertThat(nothing.get("totals").get("accuracy").isNull()).isTrue();
    }

    @Test
    void aBadDateOrAnEmptyPeriodIsTheClientsMistake() {
        ResponseEntity<JsonNode> bad = api(API + "?from=last-week", "MANAGER");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");

        ResponseEntity<JsonNode> backwards = api(API + "?from=" + scenario.today + "&to=" + scenario.today.minusDays(1),
                "MANAGER");
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(backwards.getBody().toString()).contains("from");
    }

    @Test
    void aGeneralContractorsPeopleCountOnlyTheirProjectsAndNoOrganizationAnothersReadings() {
        assertThat(producers(api(API, "CONTRACTOR").getBody())).containsExactly("Acme Agency|2|180|2",
                FORMULA_AGENCY + "|1|20|1");
        // The platform operator acting in this organization: this organization's readings only.
        assertThat(api(API, "SUPER_ADMIN").getBody().get("totals").get("fieldsRead").asLong()).isEqualTo(250);
        // Next door counts its own reading and none of these.
        assertThat(producers(get(API, token(scenario.other, "MANAGER")).getBody()))
                .containsExactly("Acme Agency|1|70|3");
    }

    @Test
    void theReportsPageShowsTheSectionAndItsCsvAndAnEmptyStateWithoutReadings() throws IOException {
        String page = exchange("/insurance/reports", token(scenario.home, "MANAGER"), MediaType.TEXT_HTML).getBody();
        assertThat(page).contains("Certificate reading accuracy by producer", "Acme Agency", "98.9%", "Beta Brokers",
                "90.0%", "All producers", "96.8%", "href=\"/insurance/reports/extraction-accuracy.csv\"")
                .doesNotContain("No certificate has been read yet");
        TestTenants.Tenant fresh = TestTenants.create(jdbc);
        assertThat(exchange("/insurance/reports?expiringDays=30", token(fresh, "MANAGER"), MediaType.TEXT_HTML).getBody())
                .contains("Certificate reading accuracy by producer", "No certificate has been read yet");

        ResponseEntity<String> csv = exchange("/insurance/reports/extraction-accuracy.csv?from="
                + scenario.today.minusDays(60), token(scenario.home, "MANAGER"), MediaType.ALL);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("certificate-reading-accuracy-" + scenario.today + ".csv");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.getBody())).getRecords();
        assertThat(records.getFirst().toList()).containsExactly("Producer", "Certificates read", "Fields read",
                "Fields corrected", "Accuracy", "Read from form fields", "Read from page text", "Read by OCR", "Last read");
        assertThat(records).hasSize(4);
        assertThat(records.get(1).toList().subList(0, 8)).containsExactly("Acme Agency", "2", "180", "2", "0.9889", "1",
                "1", "0");
        assertThat(records.get(2).get(0)).isEqualTo("'" + FORMULA_AGENCY);
        assertThat(records.get(3).toList().subList(0, 8)).containsExactly("Beta Brokers", "1", "50", "5", "0.9000", "0",
                "0", "1");
    }

    @Test
    void onlyHoldersOfTheReportPermissionGetIt() {
        for (String role : List.of("SUBCONTRACTOR", "BROKER", "USER", "LEGAL_MANAGER")) {
            assertThat(api(API, role).getStatusCode()).as(role).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(exchange("/insurance/reports/extraction-accuracy.csv", token(scenario.home, role), MediaType.ALL)
                    .getStatusCode()).as(role).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity(API, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private void reading(UUID organization, UUID coi, String status, String method, String producer, int fieldsRead,
                         Duration ago, UUID correctedBy, String... corrected) {
        UUID document = UUID.randomUUID();
        Timestamp started = Timestamp.from(now.minus(ago).minusSeconds(5));
        Timestamp finished = "READING".equals(status) ? null : Timestamp.from(now.minus(ago));
        jdbc.update("insert into insurance_coi_extractions (document_id, coi_id, organization_id, status, method, "
                        + "producer, fields_read, started_at, finished_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", document, coi,
                organization, status, method, producer, fieldsRead, started, finished);
        for (String field : corrected) {
            jdbc.update("insert into insurance_extraction_corrections (id, organization_id, coi_id, document_id, producer, "
                            + "field, read_value, corrected_value, corrected_by, corrected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(), organization, coi, document, producer, field, "read", "corrected", correctedBy,
                    Timestamp.from(now));
        }
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }

    private static List<String> producers(JsonNode report) {
        List<String> rows = new ArrayList<>();
        report.get("producers").forEach(row -> rows.add(row.get("producer").asString() + "|"
                + row.get("certificatesRead").asLong() + "|" + row.get("fieldsRead").asLong() + "|"
                + row.get("fieldsCorrected").asLong()));
        return rows;
    }

    private ResponseEntity<JsonNode> api(String path, String role) {
        return get(path, token(scenario.home, role));
    }

    private ResponseEntity<JsonNode> get(String path, String token) {
        return SignIn.get(http, path, token);
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

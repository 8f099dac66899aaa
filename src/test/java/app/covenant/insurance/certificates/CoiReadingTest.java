package app.covenant.insurance.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.insurance.extraction.Acord25Samples;
import app.covenant.support.IntegrationTest;
import app.covenant.support.PageClient;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import app.covenant.documents.DocumentStorage;
import app.covenant.documents.pdf.PdfReader;
import app.covenant.insurance.extraction.Acord25Extractor;
import app.covenant.insurance.extraction.Acord25Ocr;
import app.covenant.insurance.extraction.OcrProperties;
import app.covenant.platform.jobs.BackgroundJobs;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * ACORD 25 readings in the certificate workflow over HTTP: an upload is read at once (fillable, flattened), a PDF
 * that is no certificate or a scan without OCR is said plainly with nothing invented, a scan's reading is finished
 * by the OCR task's body (and given up when its task died), {@code GET /cois/{id}/extraction} answers whoever sees
 * the certificate, and the values people change from what was read are recorded, updated and deleted.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoiReadingTest {

    private static final String GL_NUMBER = "Policy_GeneralLiability_PolicyNumberIdentifier_A";

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CoiReadings readings;
    @Autowired
    CoiWorkflow workflow;
    @Autowired
    CoiReadingRows readingRows;
    @Autowired
    DocumentStorage storage;
    @Autowired
    Acord25Extractor extractor;
    @Autowired
    PdfReader pdfReader;
    @Autowired
    BackgroundJobs jobs;
    @Autowired
    @Qualifier(CoiOcrTask.TASK_NAME)
    OneTimeTask<String> ocrTask;
    @Autowired
    Clock clock;

    private InsuranceFixtures fixtures;
    private Tenant tenant;
    private final Map<String, String> tokens = new HashMap<>();
    private UUID gc;
    private UUID sub;
    private UUID coi;
    private long seed;

    @BeforeAll
    void setUp() {
        fixtures = new InsuranceFixtures(jdbc);
        tenant = TestTenants.create(jdbc);
        Tenant other = TestTenants.create(jdbc);
        gc = fixtures.contractor(tenant, "GENERAL_CONTRACTOR", "Hudson Builders LLC", null);
        fixtures.link(gc, tenant.userId("CONTRACTOR"));
        UUID otherGc = fixtures.contractor(tenant, "GENERAL_CONTRACTOR", "Other Builders", null);
        String code = tenant.code().toLowerCase();
        fixtures.link(otherGc, TestTenants.addUser(jdbc, tenant, "gc2@" + code + ".test", "CONTRACTOR"));
        sub = fixtures.contractor(tenant, "SUBCONTRACTOR", "Demo Electric", "office@demo-electric.test");
        fixtures.link(sub, tenant.userId("SUBCONTRACTOR"));
        UUID otherSub = fixtures.contractor(tenant, "SUBCONTRACTOR", "Other Electric", null);
        fixtures.link(otherSub, TestTenants.addUser(jdbc, tenant, "sub2@" + code + ".test", "SUBCONTRACTOR"));
        TestTenants.addUser(jdbc, tenant, "broker2@" + code + ".test", "BROKER");
        for (String role : List.of("ADMIN", "MANAGER", "USER", "CONTRACTOR", "SUBCONTRACTOR", "BROKER")) {
            tokens.put(role, SignIn.accessToken(http, tenant.email(role)));
        }
        tokens.put("GC2", SignIn.accessToken(http, "gc2@" + code + ".test"));
        tokens.put("SUB2", SignIn.accessToken(http, "sub2@" + code + ".test"));
        tokens.put("BROKER2", SignIn.accessToken(http, "broker2@" + code + ".test"));
        tokens.put("OTHER_ADMIN", SignIn.accessToken(http, other.email("ADMIN")));

        UUID project = fixtures.project(tenant, gc, "Hudson Tower", null, LocalDate.now().plusMonths(3), null);
        fixtures.assign(project, sub, "Electrical");
        ResponseEntity<JsonNode> created = SignIn.post(http, "/api/v1/cois", Map.of("projectId", project,
                "subcontractorId", sub), tokens.get("CONTRACTOR"));
        coi = UUID.fromString(created.getBody().get("id").asString());
        ResponseEntity<JsonNode> named = exchange(HttpMethod.PUT, "/api/v1/cois/" + coi + "/broker-info", Map.of(
                "brokerType", "GLOBAL", "global", Map.of("name", "Brooke Broker", "company", "Acme Insurance",
                        "email", tenant.email("BROKER"), "phone", "555-0100")), "SUBCONTRACTOR");
        assertThat(named.getStatusCode().value()).as("%s", named.getBody()).isEqualTo(200);
        seed = Acord25Samples.withGlAndWc(4100);
        assertThat(upload("BROKER", coi, Acord25Samples.fillable(seed)).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void a_fillable_certificate_is_read_at_upload_and_answered_with_confidences() {
        JsonNode read = extraction(coi, "BROKER").getBody();
        assertThat(read.get("status").asString()).isEqualTo("EXTRACTED");
        assertThat(read.get("method").asString()).isEqualTo("ACROFORM");
        assertThat(read.get("documentId").asString()).isEqualTo(latestAcord(coi).toString());
        assertThat(read.get("readAt").isNull()).isFalse();
        Map<String, String> truth = Acord25Samples.values(seed);
        assertThat(read.get("producer").asString()).isEqualTo(truth.get("Producer_FullName_A"));
        JsonNode gl = policy(read, "GL");
        assertThat(gl.get("policyNumber").asString()).isEqualTo(truth.get(GL_NUMBER));
        assertThat(gl.get("confidence").asDouble()).isGreaterThan(0.5);
        assertThat(read.get("fields").get(GL_NUMBER).get("confidence").asDouble()).isEqualTo(0.99);
        Map<String, Object> row = jdbc.queryForMap("select status, method, producer, fields_read from "
                + "insurance_coi_extractions where document_id = ?", latestAcord(coi));
        assertThat(row.get("status")).isEqualTo("EXTRACTED");
        assertThat(row.get("method")).isEqualTo("ACROFORM");
        assertThat(row.get("producer")).isEqualTo(truth.get("Producer_FullName_A"));
        assertThat(((Number) row.get("fields_read")).intValue()).isEqualTo(read.get("fields").size()).isGreaterThan(20);
        JsonNode summary = SignIn.get(http, "/api/v1/cois/" + coi, tokens.get("CONTRACTOR")).getBody().get("extraction");
        assertThat(summary.get("status").asString()).isEqualTo("EXTRACTED");
        assertThat(summary.get("method").asString()).isEqualTo("ACROFORM");
        assertThat(summary.get("documentId").asString()).isEqualTo(latestAcord(coi).toString());
    }

    @Test
    void a_flattened_certificate_is_read_by_the_text_on_its_page() {
        UUID id = newCoi();
        long flatSeed = Acord25Samples.withGlAndWc(4300);
        assertThat(upload("BROKER", id, Acord25Samples.flattened(flatSeed)).getStatusCode().value()).isEqualTo(201);
        JsonNode read = extraction(id, "CONTRACTOR").getBody();
        assertThat(read.get("status").asString()).isEqualTo("EXTRACTED");
        assertThat(read.get("method").asString()).isEqualTo("TEXT");
        assertThat(policy(read, "GL").get("policyNumber").asString())
                .isEqualTo(Acord25Samples.values(flatSeed).get(GL_NUMBER));
        assertThat(read.get("fields").get(GL_NUMBER).get("confidence").asDouble()).isBetween(0.5, 1.0);
    }

    @Test
    void a_pdf_that_is_no_certificate_is_said_plainly_and_nothing_is_invented() {
        UUID id = newCoi();
        assertThat(upload("BROKER", id, Acord25Samples.invoice()).getStatusCode().value()).isEqualTo(201);
        JsonNode read = extraction(id, "BROKER").getBody();
        assertThat(read.get("status").asString()).isEqualTo("FAILED");
        assertThat(read.get("problems").get(0).asString()).contains("does not look like an ACORD 25");
        assertThat(read.get("policies")).isEmpty();
        assertThat(read.get("fields")).isEmpty();
        assertThat(read.get("producer").isNull()).isTrue();
    }

    @Test
    void a_scan_is_read_by_ocr_in_the_background() {
        UUID id = newCoi();
        assertThat(upload("BROKER", id, Acord25Samples.storedScan()).getStatusCode().value()).isEqualTo(201);
        JsonNode read = awaitRead(id);
        assertThat(read.get("status").asString()).isEqualTo("EXTRACTED");
        assertThat(read.get("method").asString()).isEqualTo("OCR");
        assertThat(read.get("policies")).isNotEmpty();
        assertThat(read.get("fields").size()).isGreaterThan(20);
        read.get("fields").forEach(field -> assertThat(field.get("confidence").asDouble())
                .as("OCR is trusted less than printed text").isLessThanOrEqualTo(0.85));
    }

    @Test
    void a_phone_photo_is_read_by_ocr_in_the_background() {
        UUID id = newCoi();
        assertThat(upload("BROKER", id, Acord25Samples.storedPhoto(), "acord25.jpg").getStatusCode().value())
                .isEqualTo(201);
        JsonNode read = awaitRead(id);
        assertThat(read.get("status").asString()).as("%s", read.get("problems")).isEqualTo("EXTRACTED");
        assertThat(read.get("method").asString()).isEqualTo("OCR");
        assertThat(read.get("policies")).isNotEmpty();
        // The page shows the photo itself as the page image, with no form rectangles laid over it.
        PageClient broker = new PageClient(port, tokens.get("BROKER"));
        java.net.http.HttpResponse<String> page = broker.get("/insurance/certificates/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/documents/" + latestAcord(id) + "/pages/1.png").doesNotContain("data-box=");
        java.net.http.HttpResponse<byte[]> image = broker.bytes("/insurance/certificates/" + id + "/documents/"
                + latestAcord(id) + "/pages/1.png");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/jpeg");
        assertThat(image.body()).isEqualTo(Acord25Samples.storedPhoto());
    }

    @Test
    void a_photo_that_is_no_certificate_is_said_plainly() {
        UUID id = newCoi();
        assertThat(upload("BROKER", id, Acord25Samples.notACertificatePhoto(), "page.png").getStatusCode().value())
                .isEqualTo(201);
        JsonNode read = awaitRead(id);
        assertThat(read.get("status").asString()).isEqualTo("FAILED");
        assertThat(read.get("problems").get(0).asString()).contains("does not look like an ACORD 25");
        assertThat(read.get("policies")).isEmpty();
    }

    @Test
    void a_scan_without_ocr_is_no_text_with_a_plain_sentence() {
        UUID id = newCoi();
        assertThat(upload("BROKER", id, Acord25Samples.scan()).getStatusCode().value()).isEqualTo(201);
        awaitRead(id);
        UUID document = latestAcord(id);
        jdbc.update("delete from insurance_coi_extractions where document_id = ?", document);
        CoiReadings withoutOcr = new CoiReadings(workflow, readingRows, storage, extractor,
                new Acord25Ocr(pdfReader, new OcrProperties("/nonexistent/tesseract", null, null)), jobs, ocrTask,
                clock);
        withoutOcr.readUploaded(id, document);
        JsonNode read = extraction(id, "BROKER").getBody();
        assertThat(read.get("status").asString()).isEqualTo("NO_TEXT");
        assertThat(read.get("problems").get(0).asString()).isEqualTo(Acord25Ocr.UNAVAILABLE)
                .contains("OCR", "not available");
        assertThat(read.get("policies")).isEmpty();
    }

    @Test
    void a_scan_being_read_is_finished_by_the_task_body_and_given_up_when_its_task_died() {
        UUID id = newCoi();
        upload("BROKER", id, Acord25Samples.storedScan());
        awaitRead(id);
        UUID document = latestAcord(id);
        // As stored while the OCR task waits: READING, nothing read yet.
        jdbc.update("update insurance_coi_extractions set status = 'READING', method = null, result_json = null, "
                + "finished_at = null where document_id = ?", document);
        JsonNode reading = extraction(id, "BROKER").getBody();
        assertThat(reading.get("status").asString()).isEqualTo("READING");
        assertThat(reading.get("readAt").isNull()).isTrue();

        readings.readScan(document);
        JsonNode done = extraction(id, "BROKER").getBody();
        assertThat(done.get("status").asString()).isEqualTo("EXTRACTED");
        assertThat(done.get("method").asString()).isEqualTo("OCR");
        assertThat(done.get("readAt").isNull()).isFalse();
        readings.readScan(document);
        assertThat(extraction(id, "BROKER").getBody().get("readAt").asString()).as("a second run changes nothing")
                .isEqualTo(done.get("readAt").asString());

        // A reading whose task died stays READING only until it is given up.
        jdbc.update("update insurance_coi_extractions set status = 'READING', result_json = null, finished_at = null, "
                + "started_at = ? where document_id = ?", java.sql.Timestamp.from(java.time.Instant.now()
                .minus(CoiReadings.GIVE_UP_AFTER).minusSeconds(60)), document);
        JsonNode gaveUp = extraction(id, "BROKER").getBody();
        assertThat(gaveUp.get("status").asString()).isEqualTo("FAILED");
        assertThat(gaveUp.get("problems").get(0).asString()).isEqualTo(CoiReadings.GAVE_UP);
    }

    @Test
    void the_page_shows_a_scan_being_read_and_reloads_once_it_is_done() {
        UUID id = newCoi();
        upload("BROKER", id, Acord25Samples.storedScan());
        awaitRead(id);
        UUID document = latestAcord(id);
        jdbc.update("update insurance_coi_extractions set status = 'READING', method = null, result_json = null, "
                + "finished_at = null, started_at = ? where document_id = ?",
                java.sql.Timestamp.from(java.time.Instant.now()), document);
        PageClient broker = new PageClient(port, tokens.get("BROKER"));
        String page = broker.get("/insurance/certificates/" + id).body();
        assertThat(page).contains("Reading the scanned certificate…", "<progress",
                "hx-get=\"/insurance/certificates/" + id + "/reading\"", "every 2s");
        java.net.http.HttpResponse<String> polled = broker.get("/insurance/certificates/" + id + "/reading");
        assertThat(polled.statusCode()).isEqualTo(200);
        assertThat(polled.headers().firstValue("HX-Refresh")).isEmpty();
        assertThat(polled.body()).contains("data-reading-status=\"READING\"").doesNotContain("<html");
        assertThat(new PageClient(port, tokens.get("SUB2")).get("/insurance/certificates/" + id + "/reading")
                .statusCode()).isEqualTo(404);

        readings.readScan(document);
        java.net.http.HttpResponse<String> done = broker.get("/insurance/certificates/" + id + "/reading");
        assertThat(done.headers().firstValue("HX-Refresh")).contains("true");
        assertThat(done.body()).contains("data-reading-status=\"EXTRACTED\"").doesNotContain("hx-get");
        assertThat(broker.get("/insurance/certificates/" + id).body()).contains("values read from the scan (OCR)");
    }

    @Test
    void a_certificate_without_an_acord_25_answers_404_in_plain_words() {
        UUID id = newCoi();
        ResponseEntity<JsonNode> none = extraction(id, "BROKER");
        assertThat(none.getStatusCode().value()).isEqualTo(404);
        assertThat(none.getBody().get("detail").asString()).isEqualTo(CoiReadings.NOT_UPLOADED);

        // The page's reading card of a certificate never read: 404 (was a 500), and a polling page reloads.
        java.net.http.HttpResponse<String> card = new PageClient(port, tokens.get("ADMIN"))
                .get("/insurance/certificates/" + id + "/reading");
        assertThat(card.statusCode()).isEqualTo(404);
        assertThat(card.headers().firstValue("HX-Refresh")).contains("true");
    }

    static Stream<Arguments> visibility() {
        return Stream.of(Arguments.of("ADMIN", 200), Arguments.of("CONTRACTOR", 200), Arguments.of("SUBCONTRACTOR", 200),
                Arguments.of("BROKER", 200), Arguments.of("GC2", 404), Arguments.of("SUB2", 404),
                Arguments.of("BROKER2", 404), Arguments.of("OTHER_ADMIN", 404), Arguments.of("USER", 403));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("visibility")
    void who_reads_the_extraction(String who, int expected) {
        ResponseEntity<JsonNode> answer = extraction(coi, who);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(expected);
        if (expected == 404) {
            assertThat(answer.getBody().toString()).doesNotContain("policyNumber");
        }
    }

    @Test
    void corrections_are_recorded_updated_and_deleted_when_set_back() {
        UUID id = newCoi();
        long own = Acord25Samples.withGlAndWc(4500);
        upload("BROKER", id, Acord25Samples.fillable(own));
        UUID document = latestAcord(id);
        JsonNode read = extraction(id, "BROKER").getBody();
        List<Map<String, Object>> rows = rowsAsRead(read);
        assertThat(put(id, rows).getStatusCode().value()).isEqualTo(200);
        assertThat(corrections(document)).as("saved as read: nothing corrected").isEmpty();

        String readNumber = policy(read, "GL").get("policyNumber").asString();
        gl(rows).put("policyNumber", "CORRECTED-1");
        wc(rows).put("limits", Map.of("EL_EACH_ACCIDENT", 123_000, "EL_DISEASE_EA_EMPLOYEE", 123_000,
                "EL_DISEASE_POLICY_LIMIT", 123_000));
        assertThat(put(id, rows).getStatusCode().value()).isEqualTo(200);
        Map<String, Map<String, Object>> recorded = corrections(document);
        assertThat(recorded).containsKeys("GL.policyNumber", "WC.limits.EL_EACH_ACCIDENT");
        assertThat(recorded.get("GL.policyNumber").get("read_value")).isEqualTo(readNumber);
        assertThat(recorded.get("GL.policyNumber").get("corrected_value")).isEqualTo("CORRECTED-1");
        assertThat(recorded.get("GL.policyNumber").get("corrected_by")).isEqualTo(tenant.userId("BROKER"));
        assertThat(recorded.get("GL.policyNumber").get("producer")).isEqualTo(read.get("producer").asString());
        assertThat(recorded.get("WC.limits.EL_EACH_ACCIDENT").get("corrected_value")).isEqualTo("123000");

        gl(rows).put("policyNumber", "CORRECTED-2");
        put(id, rows);
        assertThat(corrections(document).get("GL.policyNumber").get("corrected_value")).as("the latest wins")
                .isEqualTo("CORRECTED-2");
        assertThat(jdbc.queryForObject("select count(*) from insurance_extraction_corrections where document_id = ? "
                + "and field = 'GL.policyNumber'", Integer.class, document)).isEqualTo(1);

        gl(rows).put("policyNumber", readNumber);
        put(id, rows);
        assertThat(corrections(document)).doesNotContainKey("GL.policyNumber").containsKey("WC.limits.EL_EACH_ACCIDENT");
    }

    @Test
    void a_reviewer_correcting_under_review_is_recorded_and_on_the_timeline() {
        UUID id = newCoi();
        upload("BROKER", id, Acord25Samples.fillable(Acord25Samples.withGlAndWc(4700)));
        UUID document = latestAcord(id);
        List<Map<String, Object>> rows = rowsAsRead(extraction(id, "BROKER").getBody());
        put(id, rows);
        jdbc.update("update insurance_cois set status = 'AWAITING_ADMIN_REVIEW', review_requested_at = now() where id = ?", id);
        gl(rows).put("policyNumber", "REVIEWED-9");
        ResponseEntity<JsonNode> confirmed = exchange(HttpMethod.PUT, "/api/v1/cois/" + id + "/policies", rows, "MANAGER");
        assertThat(confirmed.getStatusCode().value()).as("%s", confirmed.getBody()).isEqualTo(200);
        assertThat(corrections(document).get("GL.policyNumber").get("corrected_by")).isEqualTo(tenant.userId("MANAGER"));
        assertThat(confirmed.getBody().get("transitions").toString()).contains("GL.policyNumber");
    }

    // ---- helpers ----

    /** Waits for the background OCR task (started at once after the upload) to finish the reading. */
    private JsonNode awaitRead(UUID id) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(90);
        JsonNode read = extraction(id, "BROKER").getBody();
        while ("READING".equals(read.get("status").asString()) && java.time.Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            read = extraction(id, "BROKER").getBody();
        }
        assertThat(read.get("status").asString()).as("the OCR task finished within 90 s").isNotEqualTo("READING");
        return read;
    }

    private UUID newCoi() {
        UUID project = fixtures.project(tenant, gc, "Project " + UUID.randomUUID(), null, LocalDate.now().plusMonths(3), null);
        fixtures.assign(project, sub);
        ResponseEntity<JsonNode> created = SignIn.post(http, "/api/v1/cois", Map.of("projectId", project,
                "subcontractorId", sub), tokens.get("MANAGER"));
        assertThat(created.getBody().get("status").asString()).isEqualTo("AWAITING_BROKER_UPLOAD");
        return UUID.fromString(created.getBody().get("id").asString());
    }

    private ResponseEntity<JsonNode> extraction(UUID id, String who) {
        return SignIn.get(http, "/api/v1/cois/" + id + "/extraction", tokens.get(who));
    }

    private UUID latestAcord(UUID id) {
        return jdbc.queryForObject("select document_id from insurance_coi_documents where coi_id = ? and kind = 'ACORD25' "
                + "order by uploaded_at desc limit 1", UUID.class, id);
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, String who) {
        return http.exchange(path, method, new HttpEntity<>(body, SignIn.bearer(tokens.get(who))), JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(UUID id, List<Map<String, Object>> rows) {
        ResponseEntity<JsonNode> saved = exchange(HttpMethod.PUT, "/api/v1/cois/" + id + "/policies", rows, "BROKER");
        assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
        return saved;
    }

    private ResponseEntity<JsonNode> upload(String who, UUID id, byte[] bytes) {
        return upload(who, id, bytes, "acord25.pdf");
    }

    private ResponseEntity<JsonNode> upload(String who, UUID id, byte[] bytes, String name) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        form.add("kind", "ACORD25");
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(tokens.get(who));
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange("/api/v1/cois/" + id + "/documents", HttpMethod.POST, new HttpEntity<>(form, headers),
                JsonNode.class);
    }

    private static JsonNode policy(JsonNode read, String line) {
        for (JsonNode p : read.get("policies")) {
            if (line.equals(p.get("line").asString())) {
                return p;
            }
        }
        throw new AssertionError("no " + line + " policy in " + read);
    }

    /** The policy rows exactly as read (the form prefilled and saved unchanged). */
    private static List<Map<String, Object>> rowsAsRead(JsonNode read) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode p : read.get("policies")) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String field : List.of("line", "insurerName", "naic", "policyNumber", "effectiveDate", "expirationDate")) {
                row.put(field, p.get(field) == null || p.get(field).isNull() ? null : p.get(field).asString());
            }
            row.put("additionalInsured", p.get("additionalInsured").asBoolean());
            row.put("waiverOfSubrogation", p.get("waiverOfSubrogation").asBoolean());
            row.put("statutory", p.get("statutory") != null && p.get("statutory").asBoolean());
            Map<String, Object> limits = new LinkedHashMap<>();
            p.get("limits").properties().forEach(e -> limits.put(e.getKey(), e.getValue().asLong()));
            row.put("limits", limits);
            if (row.get("effectiveDate") != null && row.get("expirationDate") != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, Object> gl(List<Map<String, Object>> rows) {
        return rows.stream().filter(r -> "GL".equals(r.get("line"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> wc(List<Map<String, Object>> rows) {
        return rows.stream().filter(r -> "WC".equals(r.get("line"))).findFirst().orElseThrow();
    }

    private Map<String, Map<String, Object>> corrections(UUID document) {
        Map<String, Map<String, Object>> byField = new HashMap<>();
        jdbc.queryForList("select * from insurance_extraction_corrections where document_id = ?", document)
                .forEach(row -> byField.put((String) row.get("field"), row));
        return byField;
    }
}

package app.covenant.insurance.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
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

/** {@code POST /api/v1/acord25/extract}: who may, what it answers, and that it stores nothing. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Acord25ExtractApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Acord25Ocr ocr;

    private final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    void setUp() {
        Tenant tenant = TestTenants.create(jdbc);
        for (String role : List.of("MANAGER", "SUBCONTRACTOR", "BROKER", "USER")) {
            tokens.put(role, SignIn.accessToken(http, tenant.email(role)));
        }
    }

    private ResponseEntity<JsonNode> extract(String who, String name, byte[] bytes) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        if (who != null) {
            headers.setBearerAuth(tokens.get(who));
        }
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange("/api/v1/acord25/extract", HttpMethod.POST, new HttpEntity<>(form, headers), JsonNode.class);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"MANAGER, 200", "SUBCONTRACTOR, 200", "BROKER, 200", "USER, 403"})
    void who_may_read_a_certificate(String who, int status) {
        byte[] pdf = Acord25Corpus.flattened(Acord25Corpus.generate(11));
        assertThat(extract(who, "acord.pdf", pdf).getStatusCode().value()).isEqualTo(status);
    }

    @Test
    void anonymous_callers_are_refused() {
        assertThat(extract(null, "acord.pdf", Acord25Corpus.flattened(Acord25Corpus.generate(11)))
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void a_round_trip_answers_the_extraction_and_stores_nothing() {
        Integer documentsBefore = jdbc.queryForObject("select count(*) from documents", Integer.class);
        Acord25Corpus.Certificate certificate = Acord25Corpus.generate(12);
        ResponseEntity<JsonNode> answer = extract("BROKER", "acord.pdf", Acord25Corpus.fillable(certificate));
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        JsonNode body = answer.getBody();
        assertThat(body.get("status").asString()).isEqualTo("EXTRACTED");
        assertThat(body.get("method").asString()).isEqualTo("ACROFORM");
        assertThat(body.get("insured").asString()).isEqualTo(certificate.values().get("NamedInsured_FullName_A"));
        assertThat(body.get("insurers").get("A").get("naic").asString())
                .isEqualTo(certificate.values().get("Insurer_NAICCode_A"));
        JsonNode first = body.get("policies").get(0);
        Acord25Corpus.Truth truth = certificate.policies().getFirst();
        assertThat(first.get("line").asString()).isEqualTo(truth.line());
        assertThat(first.get("expirationDate").asString()).isEqualTo(truth.expiration().toString());
        assertThat(first.get("confidence").asDouble()).isBetween(0.0, 1.0);
        truth.limits().forEach((key, amount) -> assertThat(first.get("limits").get(key).asLong()).isEqualTo(amount));
        assertThat(body.get("fields").get("Producer_FullName_A").get("value").asString())
                .isEqualTo(certificate.values().get("Producer_FullName_A"));
        assertThat(jdbc.queryForObject("select count(*) from documents", Integer.class)).isEqualTo(documentsBefore);
    }

    @Test
    void a_scanned_certificate_is_read_by_ocr() {
        OcrRequirement.require(ocr);
        Acord25StoredCorpus.Entry scan = Acord25StoredCorpus.load(Acord25StoredCorpus.Kind.SCANNED).stream()
                .min(java.util.Comparator.comparingInt(entry -> entry.pdf().length)).orElseThrow();
        ResponseEntity<JsonNode> answer = extract("BROKER", "scan.pdf", scan.pdf());
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        JsonNode body = answer.getBody();
        assertThat(body.get("status").asString()).isEqualTo("EXTRACTED");
        assertThat(body.get("method").asString()).isEqualTo("OCR");
        assertThat(body.get("policies")).isNotEmpty();
        assertThat(body.get("fields").get("Producer_FullName_A").get("confidence").asDouble())
                .isLessThanOrEqualTo(Acord25Ocr.OCR_CONFIDENCE);
    }

    @Test
    void a_phone_photo_is_read_by_ocr() {
        OcrRequirement.require(ocr);
        ResponseEntity<JsonNode> answer = extract("BROKER", "photo.jpg", Acord25Samples.storedPhoto());
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        assertThat(answer.getBody().get("status").asString()).isEqualTo("EXTRACTED");
        assertThat(answer.getBody().get("method").asString()).isEqualTo("OCR");
        assertThat(answer.getBody().get("policies")).isNotEmpty();
        ResponseEntity<JsonNode> gif = extract("BROKER", "photo.gif", "GIF89a\u0001\u0000\u0001\u0000".getBytes());
        assertThat(gif.getStatusCode().value()).isEqualTo(415);
    }

    @Test
    void what_cannot_be_read_says_so() {
        // A scan of two words: OCR (where there is OCR) finds no ACORD 25 in it; elsewhere it is a scan not read.
        ResponseEntity<JsonNode> scan = extract("SUBCONTRACTOR", "scan.pdf", Acord25Corpus.scan());
        assertThat(scan.getStatusCode().value()).isEqualTo(200);
        assertThat(scan.getBody().get("status").asString()).isEqualTo(ocr.available() ? "FAILED" : "NO_TEXT");
        assertThat(scan.getBody().get("policies")).isEmpty();
        ResponseEntity<JsonNode> invoice = extract("SUBCONTRACTOR", "invoice.pdf", Acord25Corpus.invoice());
        assertThat(invoice.getBody().get("status").asString()).isEqualTo("FAILED");
        assertThat(invoice.getBody().get("policies")).isEmpty();
        ResponseEntity<JsonNode> text = extract("SUBCONTRACTOR", "notes.pdf", "plain text, not a PDF".getBytes());
        assertThat(text.getStatusCode().value()).isEqualTo(415);
        assertThat(text.getHeaders().getContentType().toString()).contains("problem+json");
    }
}

package app.covenant.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import app.covenant.contracts.ContractTestSupport;
import app.covenant.contracts.paper.TextPdfs;
import app.covenant.documents.DocumentStorage;
import app.covenant.documents.pdf.PdfReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * Scanned third-party paper uploaded through the API is read by {@code contracts-paper-ocr} (run here directly), with
 * the real Tesseract, and its words are then found by the list's {@code q} in its organization only; paper with text
 * is never read by OCR.
 */
class PaperOcrTest extends ContractTestSupport {

    @Autowired
    private PaperOcr ocr;
    @Autowired
    private ContractRepository contracts;
    @Autowired
    private DocumentStorage documents;
    @Autowired
    private PdfReader reader;
    @Autowired
    private PlatformTransactionManager transactions;

    @BeforeEach
    void tesseract() {
        if (ocr.available()) {
            return;
        }
        String message = "Tesseract is needed to read scanned contract paper but does not run here. Install the "
                + "Debian packages tesseract-ocr and tesseract-ocr-eng (.ci/run does).";
        if ("true".equalsIgnoreCase(System.getenv("COVENANT_REQUIRE_TESSERACT"))) {
            fail(message);
        }
        Assumptions.abort("Skipped: " + message);
    }

    @Test
    void aScanIsReadInTheBackgroundAndFoundByItsWordsInItsOrganizationOnly() {
        newTenant();
        UUID id = upload(TextPdfs.scan("MASTER WHARFAGE AGREEMENT", "Bluefin Quay berths are leased to the tenant."),
                "scan.pdf");
        assertThat(ocrState(id)).isEqualTo("PENDING");
        assertThat(search("wharfage", "LEGAL_MANAGER")).as("not read yet").isZero();

        readUntilDone(id);

        assertThat(ocrState(id)).isEqualTo("DONE");
        assertThat(jdbcTemplate.queryForObject("select paper_ocr_at from contracts where id = ?", Instant.class, id))
                .isNotNull();
        assertThat(search("wharfage", "LEGAL_MANAGER")).as("a word of page 1").isEqualTo(1);
        assertThat(search("bluefin quay", "LEGAL_MANAGER")).as("words of page 2").isEqualTo(1);
        assertThat(search("wharfage", "USER")).as("not the user's contract").isZero();
        JsonNode contract = get("/api/v1/contracts/" + id, token("LEGAL_MANAGER")).getBody();
        assertThat(contract.get("bodyHtml").asString()).as("the body stays as uploaded").isEmpty();
        assertThat(contract.get("currentVersion").asInt()).as("no new version").isEqualTo(1);

        // The edit page sends the (empty) body with every save: the text read from the scan stays searchable.
        assertThat(put("/api/v1/contracts/" + id, Map.of("title", "Harbour paper, signed", "counterpartyName",
                "Harbor Holdings", "bodyHtml", ""), token("LEGAL_MANAGER")).getStatusCode().value()).isEqualTo(200);
        assertThat(search("wharfage", "LEGAL_MANAGER")).as("after an edit of the details").isEqualTo(1);

        newTenant();
        assertThat(search("wharfage", "LEGAL_MANAGER")).as("another organization").isZero();
    }

    @Test
    void paperWithTextIsNotReadByOcr() {
        newTenant();
        UUID id = upload(TextPdfs.pdf("Towage services at Bluefin Quay for the harbour tugs."), "towage.pdf");
        assertThat(ocrState(id)).isNull();
        String before = searchText(id);

        ocr.readPending();

        assertThat(ocrState(id)).isNull();
        assertThat(searchText(id)).isEqualTo(before).contains("Towage services");
        assertThat(search("towage", "LEGAL_MANAGER")).isEqualTo(1);
    }

    @Test
    void withoutTesseractTheJobDoesNothingAndTheScanStaysPending() {
        newTenant();
        UUID id = upload(TextPdfs.scan("MASTER WHARFAGE AGREEMENT"), "scan.pdf");
        PaperOcr missing = new PaperOcr(contracts, documents, reader,
                new PaperOcrProperties("covenant-no-such-tesseract", Duration.ofSeconds(5), null), transactions,
                Clock.systemUTC());

        assertThat(missing.available()).isFalse();
        assertThat(missing.readPending()).isEqualTo(new PaperOcr.Result(0, 0));

        assertThat(ocrState(id)).isEqualTo("PENDING");
        assertThat(search("wharfage", "LEGAL_MANAGER")).isZero();
        assertThat(search("harbour paper", "LEGAL_MANAGER")).as("found by its title as before").isEqualTo(1);
    }

    /** Runs the job until the contract is no longer pending (other tests' scans may be ahead of it in the queue). */
    private void readUntilDone(UUID id) {
        for (int run = 0; run < 20 && "PENDING".equals(ocrState(id)); run++) {
            ocr.readPending();
        }
    }

    private String ocrState(UUID id) {
        return jdbcTemplate.queryForObject("select paper_ocr from contracts where id = ?", String.class, id);
    }

    private String searchText(UUID id) {
        return jdbcTemplate.queryForObject("select search_text from contracts where id = ?", String.class, id);
    }

    private int search(String q, String role) {
        return get("/api/v1/contracts?q=" + q, token(role)).getBody().get("content").size();
    }

    private UUID upload(byte[] content, String name) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("title", "Harbour paper");
        form.add("counterpartyName", "Harbor Holdings");
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token("LEGAL_MANAGER"));
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var response = http.exchange("/api/v1/contracts/upload", HttpMethod.POST, new HttpEntity<>(form, headers),
                JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        return id(response.getBody());
    }
}

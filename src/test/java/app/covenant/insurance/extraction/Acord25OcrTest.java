package app.covenant.insurance.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.documents.pdf.PdfReader;
import app.covenant.insurance.extraction.Acord25Extraction.Method;
import app.covenant.insurance.extraction.Acord25Extraction.Status;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading scans: without Tesseract, on a page that is not the form, and how OCR's confidences compare. */
class Acord25OcrTest {

    private final PdfReader pdfs = new PdfReader();
    private final Acord25Ocr ocr = new Acord25Ocr(pdfs, OcrProperties.defaults());

    @Test
    void without_ocr_a_scan_says_so_plainly_and_reads_nothing() {
        Acord25Ocr missing = new Acord25Ocr(pdfs, new OcrProperties("/nonexistent/tesseract", Duration.ofSeconds(5),
                null));
        assertThat(missing.available()).isFalse();
        byte[] scan = Acord25Scans.scanned(Acord25Corpus.generate(4));
        for (Acord25Extraction extraction : java.util.List.of(missing.read(scan),
                new CertificateReader(new Acord25Extractor(pdfs), missing).read(scan))) {
            assertThat(extraction.status()).isEqualTo(Status.NO_TEXT);
            assertThat(extraction.problems()).containsExactly(Acord25Ocr.UNAVAILABLE);
            assertThat(extraction.problems().getFirst()).contains("not available on this server")
                    .contains("by hand");
            assertThat(extraction.fields()).isEmpty();
            assertThat(extraction.policies()).isEmpty();
        }
    }

    @Test
    void the_text_reader_alone_does_not_promise_ocr() {
        Acord25Extraction extraction = new Acord25Extractor(pdfs).extract(Acord25Scans.scanned(Acord25Corpus.generate(4)));
        assertThat(extraction.status()).isEqualTo(Status.NO_TEXT);
        assertThat(extraction.problems()).singleElement().asString().doesNotContain("not available yet");
    }

    @Test
    void a_scanned_page_that_is_not_the_form_fails_and_nothing_is_invented() {
        OcrRequirement.require(ocr);
        Acord25Extraction extraction = ocr.read(Acord25Scans.scan(Acord25Corpus.invoice(), 8));
        assertThat(extraction.status()).isEqualTo(Status.FAILED);
        assertThat(extraction.problems()).containsExactly(Acord25Extractor.NOT_ACORD);
        assertThat(extraction.fields()).isEmpty();
        assertThat(extraction.policies()).isEmpty();
        assertThat(extraction.insurers()).isEmpty();
        assertThat(extraction.method()).isNull();
    }

    @Test
    void ocr_confidences_stay_below_those_of_text_read_from_the_page() {
        OcrRequirement.require(ocr);
        Acord25StoredCorpus.Entry scan = Acord25StoredCorpus.load(Acord25StoredCorpus.Kind.SCANNED).getFirst();
        Acord25Extraction extraction = new CertificateReader(new Acord25Extractor(pdfs), ocr).read(scan.pdf());
        assertThat(extraction.status()).isEqualTo(Status.EXTRACTED);
        assertThat(extraction.method()).isEqualTo(Method.OCR);
        assertThat(extraction.fields().values())
                .allSatisfy(field -> assertThat(field.confidence()).isLessThan(Acord25Extractor.TEXT_CONFIDENCE));
        assertThat(extraction.fields().get("Producer_FullName_A").value())
                .isEqualTo(scan.certificate().values().get("Producer_FullName_A"));
    }

    @Test
    void a_reading_past_the_time_limit_is_given_up_plainly() {
        OcrRequirement.require(ocr);
        Acord25Ocr impatient = new Acord25Ocr(pdfs, new OcrProperties("tesseract", Duration.ofMillis(1), null));
        assertThat(impatient.available()).isTrue();
        Acord25Extraction extraction = impatient.read(Acord25Scans.scanned(Acord25Corpus.generate(4)));
        assertThat(extraction.status()).isEqualTo(Status.FAILED);
        assertThat(extraction.problems()).containsExactly(Acord25Ocr.FAILED);
        assertThat(extraction.fields()).isEmpty();
    }

    @Test
    void a_missing_tesseract_fails_where_it_is_required_and_skips_elsewhere() {
        assertThatThrownBy(() -> OcrRequirement.require(false, Map.of("COVENANT_REQUIRE_TESSERACT", "true")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("tesseract-ocr");
        assertThatThrownBy(() -> OcrRequirement.require(false, Map.of()))
                .isInstanceOf(org.opentest4j.TestAbortedException.class);
        OcrRequirement.require(true, Map.of("COVENANT_REQUIRE_TESSERACT", "true"));
    }

    @Test
    void letters_read_for_digits_are_repaired_in_dates_and_amounts_only_with_lower_confidence() {
        assertThat(OcrConfusions.repair("$1,O00,000")).isEqualTo("$1,000,000");
        assertThat(OcrConfusions.repair("S1.000.000")).isEqualTo("$1,000,000");
        assertThat(OcrConfusions.repair("l2/3l/2O26")).isEqualTo("12/31/2026");
        assertThat(OcrConfusions.repair("O5/S/27")).isEqualTo("05/5/27");
        Acord25Fields fields = new Acord25Fields(Acord25Form.edition2016());
        Acord25Extraction extraction = fields.read(Map.of("GeneralLiability_EachOccurrence_LimitAmount_A", "$1,O00,000",
                "Producer_FullName_A", "O'Brien", "Policy_GeneralLiability_PolicyNumberIdentifier_A", "CPP-1"),
                Method.OCR, Acord25Ocr.OCR_CONFIDENCE, Map.of());
        assertThat(extraction.fields().get("GeneralLiability_EachOccurrence_LimitAmount_A").value()).isEqualTo("$1,000,000");
        assertThat(extraction.fields().get("GeneralLiability_EachOccurrence_LimitAmount_A").confidence())
                .isLessThan(extraction.fields().get("Producer_FullName_A").confidence());
        assertThat(extraction.fields().get("Producer_FullName_A").value()).isEqualTo("O'Brien");
        assertThat(extraction.policies().getFirst().limits()).containsEntry("EACH_OCCURRENCE", 1_000_000L);
    }
}

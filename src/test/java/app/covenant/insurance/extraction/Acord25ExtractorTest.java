package app.covenant.insurance.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.documents.pdf.PdfReader;
import app.covenant.insurance.extraction.Acord25Corpus.Certificate;
import app.covenant.insurance.extraction.Acord25Corpus.Truth;
import app.covenant.insurance.extraction.Acord25Extraction.Method;
import app.covenant.insurance.extraction.Acord25Extraction.Policy;
import app.covenant.insurance.extraction.Acord25Extraction.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The extractor against the generated corpus (fillable and flattened), and against what is not a readable
 * certificate. Accuracy is measured on seeds 2000–2039, which nothing was tuned against: development used 1–40, and
 * 1000–1039, the first held-out range, was seen while fixing the reading of adjacent fields, so it was retired.
 * {@code -Dacord25.from=N} measures another range.
 */
class Acord25ExtractorTest {

    private static final long HELD_OUT_FROM = Long.getLong("acord25.from", 2000);
    private static final int CERTIFICATES = 40;

    private final Acord25Extractor extractor = new Acord25Extractor(new PdfReader());

    @Test
    void fillable_certificates_are_read_from_the_form_at_99_percent_or_better() {
        double accuracy = accuracy("fillable", Acord25Corpus::fillable, Method.ACROFORM);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void flattened_certificates_are_read_from_the_page_at_95_percent_or_better() {
        double accuracy = accuracy("flattened", Acord25Corpus::flattened, Method.TEXT);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void one_certificate_in_detail() {
        Certificate certificate = Acord25Corpus.generate(7);
        for (byte[] pdf : List.of(Acord25Corpus.fillable(certificate), Acord25Corpus.flattened(certificate))) {
            Acord25Extraction extraction = extractor.extract(pdf);
            assertThat(extraction.status()).isEqualTo(Status.EXTRACTED);
            assertThat(extraction.producer()).isEqualTo(certificate.values().get("Producer_FullName_A"));
            assertThat(extraction.insured()).isEqualTo(certificate.values().get("NamedInsured_FullName_A"));
            assertThat(extraction.certificateHolder()).isEqualTo(certificate.values().get("CertificateHolder_FullName_A"));
            assertThat(extraction.insurers().get("A").naic()).isEqualTo(certificate.values().get("Insurer_NAICCode_A"));
            assertThat(extraction.policies()).extracting(Policy::line)
                    .containsExactlyElementsOf(certificate.policies().stream().map(Truth::line).toList());
            Policy first = extraction.policies().getFirst();
            assertThat(first.insurerName()).isEqualTo(extraction.insurers().get(first.insurerLetter()).name());
            assertThat(first.confidence()).isBetween(0.5, 1.0);
            extraction.policies().stream().filter(p -> p.line().equals("WC"))
                    .forEach(wc -> assertThat(wc.statutory()).isTrue());
        }
    }

    @Test
    void confidence_is_lower_for_shorthand_and_low_for_what_does_not_parse() {
        Certificate base = Acord25Corpus.generate(3);
        Map<String, String> values = new java.util.LinkedHashMap<>(base.values());
        values.put("GeneralLiability_EachOccurrence_LimitAmount_A", "1M");
        values.put("GeneralLiability_GeneralAggregate_LimitAmount_A", "two million");
        values.put("Policy_GeneralLiability_PolicyNumberIdentifier_A", "CPP-1");
        values.put("GeneralLiability_InsurerLetterCode_A", "A");
        Certificate messy = new Certificate(3, values, base.policies());
        Acord25Extraction fillable = extractor.extract(Acord25Corpus.fillable(messy));
        Acord25Extraction flattened = extractor.extract(Acord25Corpus.flattened(messy));
        for (Acord25Extraction extraction : List.of(fillable, flattened)) {
            var fields = extraction.fields();
            assertThat(fields.get("GeneralLiability_EachOccurrence_LimitAmount_A").confidence())
                    .isLessThan(fields.get("Producer_FullName_A").confidence());
            assertThat(fields.get("GeneralLiability_GeneralAggregate_LimitAmount_A").confidence()).isLessThanOrEqualTo(0.3);
            Policy gl = extraction.policies().getFirst();
            assertThat(gl.limits()).containsEntry("EACH_OCCURRENCE", 1_000_000L).doesNotContainKey("GENERAL_AGGREGATE");
            assertThat(gl.confidence()).isLessThanOrEqualTo(0.3);
            assertThat(extraction.problems()).anyMatch(problem -> problem.contains("two million"));
        }
        assertThat(fillable.fields().get("Producer_FullName_A").confidence())
                .isGreaterThan(flattened.fields().get("Producer_FullName_A").confidence());
    }

    @Test
    void a_scan_has_no_text() {
        Acord25Extraction extraction = extractor.extract(Acord25Corpus.scan());
        assertThat(extraction.status()).isEqualTo(Status.NO_TEXT);
        assertThat(extraction.problems()).singleElement().asString().startsWith("This PDF is a scan: it has no text to read");
        assertThat(extraction.fields()).isEmpty();
        assertThat(extraction.policies()).isEmpty();
    }

    @Test
    void another_document_is_not_taken_for_a_certificate_and_nothing_is_invented() {
        Acord25Extraction extraction = extractor.extract(Acord25Corpus.invoice());
        assertThat(extraction.status()).isEqualTo(Status.FAILED);
        assertThat(extraction.problems()).singleElement().asString()
                .startsWith("This does not look like an ACORD 25 certificate");
        assertThat(extraction.fields()).isEmpty();
        assertThat(extraction.policies()).isEmpty();
        assertThat(extraction.insurers()).isEmpty();
        assertThat(extraction.producer()).isNull();
        assertThat(extraction.method()).isNull();
    }

    @Test
    void a_password_protected_pdf_fails_plainly() {
        Acord25Extraction extraction = extractor.extract(Acord25Corpus.passwordProtected(Acord25Corpus.generate(1)));
        assertThat(extraction.status()).isEqualTo(Status.FAILED);
        assertThat(extraction.problems()).singleElement().asString().contains("password-protected");
        assertThat(extraction.fields()).isEmpty();
    }

    @Test
    void malformed_and_oversized_files_fail_fast() {
        byte[] random = new byte[200_000];
        new Random(42).nextBytes(random);
        byte[] truncated = java.util.Arrays.copyOf(Acord25Corpus.flattened(Acord25Corpus.generate(2)), 900);
        byte[] header = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
                .getBytes(StandardCharsets.ISO_8859_1);
        for (byte[] bad : List.of(random, truncated, header, new byte[0])) {
            Acord25Extraction extraction = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> extractor.extract(bad));
            assertThat(extraction.status()).isEqualTo(Status.FAILED);
            assertThat(extraction.problems()).isNotEmpty();
            assertThat(extraction.fields()).isEmpty();
        }
        Acord25Extraction huge = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> extractor.extract(new byte[Acord25Extractor.MAX_BYTES + 1]));
        assertThat(huge.status()).isEqualTo(Status.FAILED);
        assertThat(huge.problems()).singleElement().asString().contains("too large");
    }

    @Test
    void reading_that_outlasts_the_time_limit_is_given_up() {
        Acord25Extractor impatient = new Acord25Extractor(new PdfReader(), Duration.ofNanos(1));
        Acord25Extraction extraction = impatient.extract(Acord25Corpus.flattened(Acord25Corpus.generate(5)));
        assertThat(extraction.status()).isEqualTo(Status.FAILED);
        assertThat(extraction.problems()).containsExactly(Acord25Extractor.TOO_SLOW);
        assertThat(extraction.fields()).isEmpty();
    }

    /** Field-level accuracy over the held-out seeds, counted by {@link Acord25Accuracy}. */
    private double accuracy(String kind, Function<Certificate, byte[]> render, Method method) {
        Acord25Accuracy accuracy = new Acord25Accuracy();
        for (long seed = HELD_OUT_FROM; seed < HELD_OUT_FROM + CERTIFICATES; seed++) {
            Certificate certificate = Acord25Corpus.generate(seed);
            Acord25Extraction extraction = extractor.extract(render.apply(certificate));
            assertThat(extraction.status()).as("seed %s %s", seed, extraction.problems()).isEqualTo(Status.EXTRACTED);
            assertThat(extraction.method()).isEqualTo(method);
            accuracy.add(String.valueOf(seed), certificate, extraction);
            assertThat(extraction.policies()).as("no line invented, seed %s", seed)
                    .hasSize(certificate.policies().size());
        }
        return accuracy.report(kind, "held-out certificates");
    }
}

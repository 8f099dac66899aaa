package app.covenant.insurance.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.documents.pdf.PdfReader;
import app.covenant.insurance.extraction.Acord25Extraction.Method;
import app.covenant.insurance.extraction.Acord25Extraction.Status;
import app.covenant.insurance.extraction.Acord25StoredCorpus.Entry;
import app.covenant.insurance.extraction.Acord25StoredCorpus.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accuracy per kind on the stored corpus ({@code src/test/resources/acord25-corpus}, seeds nothing was tuned
 * against), read through the one entry point, {@link CertificateReader}. The scanned kind needs Tesseract: see
 * {@link OcrRequirement}.
 */
class Acord25StoredCorpusTest {

    private final PdfReader pdfs = new PdfReader();
    private final Acord25Ocr ocr = new Acord25Ocr(pdfs, OcrProperties.defaults());
    private final CertificateReader reader = new CertificateReader(new Acord25Extractor(pdfs), ocr);

    @Test
    void fillable_certificates_are_read_at_99_percent_or_better() {
        assertThat(accuracy(Kind.FILLABLE, Method.ACROFORM)).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void flattened_certificates_are_read_at_95_percent_or_better() {
        assertThat(accuracy(Kind.FLATTENED, Method.TEXT)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void scanned_certificates_are_read_by_ocr_at_85_percent_or_better() {
        OcrRequirement.require(ocr);
        assertThat(accuracy(Kind.SCANNED, Method.OCR)).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void photos_are_read_by_ocr_at_85_percent_or_better() {
        OcrRequirement.require(ocr);
        assertThat(accuracy(Kind.PHOTO, Method.OCR)).isGreaterThanOrEqualTo(0.85);
    }

    private double accuracy(Kind kind, Method method) {
        List<Entry> entries = Acord25StoredCorpus.load(kind);
        assertThat(entries).hasSizeGreaterThanOrEqualTo(kind.count);
        Acord25Accuracy accuracy = new Acord25Accuracy();
        int invented = 0;
        long started = System.nanoTime();
        for (Entry entry : entries) {
            Acord25Extraction extraction = reader.read(entry.pdf());
            assertThat(extraction.status()).as("%s %s", entry.name(), extraction.problems())
                    .isEqualTo(Status.EXTRACTED);
            assertThat(extraction.method()).isEqualTo(method);
            int extra = extraction.policies().size() - entry.certificate().policies().size();
            if (kind == Kind.SCANNED || kind == Kind.PHOTO) {
                // A speck read in an empty row can start a line of nothing: it is counted, and its problems
                // ("Could not read ...") show it; the lines that are there are scored field by field.
                invented += Math.max(0, extra);
            } else {
                assertThat(extra).as("no line invented or lost, %s", entry.name()).isZero();
            }
            accuracy.add(entry.name(), entry.certificate(), extraction);
        }
        System.out.printf("%s: %d certificates in %.1f s; coverage lines read where none is: %d%n", kind,
                entries.size(), (System.nanoTime() - started) / 1e9, invented);
        return accuracy.report(kind.prefix(), "stored certificates");
    }
}

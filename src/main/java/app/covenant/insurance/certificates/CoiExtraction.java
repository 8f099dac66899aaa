package app.covenant.insurance.certificates;

import app.covenant.insurance.extraction.Acord25Extraction;
import app.covenant.insurance.extraction.Acord25Extraction.FieldValue;
import app.covenant.insurance.extraction.Acord25Extraction.Insurer;
import app.covenant.insurance.extraction.Acord25Extraction.Policy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reading of one ACORD 25 uploaded to a certificate ({@code GET /cois/{id}/extraction}): the Extraction
 * representation of API.md with the document it was read from, {@code status} {@code READING} while a scan waits
 * for OCR, and when it was read.
 *
 * @param readAt null while reading
 */
public record CoiExtraction(UUID documentId, String status, String method, String producer, String insured,
                            String certificateHolder, Map<String, Insurer> insurers, List<Policy> policies,
                            Map<String, FieldValue> fields, List<String> problems, Instant startedAt,
                            Instant readAt) {

    public static final String READING = "READING";

    static CoiExtraction reading(UUID documentId, Instant startedAt) {
        return new CoiExtraction(documentId, READING, null, null, null, null, Map.of(), List.of(), Map.of(),
                List.of(), startedAt, null);
    }

    static CoiExtraction of(UUID documentId, Acord25Extraction read, Instant startedAt, Instant readAt) {
        return new CoiExtraction(documentId, read.status().name(), read.method() == null ? null : read.method().name(),
                read.producer(), read.insured(), read.certificateHolder(), read.insurers(), read.policies(),
                read.fields(), read.problems(), startedAt, readAt);
    }

    public boolean isReading() {
        return READING.equals(status);
    }

    public boolean isExtracted() {
        return Acord25Extraction.Status.EXTRACTED.name().equals(status);
    }

    /** The policy read for a line of coverage, if the certificate shows it. */
    public Optional<Policy> policy(String line) {
        return policies == null ? Optional.empty() : policies.stream().filter(p -> line.equals(p.line())).findFirst();
    }
}

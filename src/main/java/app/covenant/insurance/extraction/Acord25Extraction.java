package app.covenant.insurance.extraction;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What was read from an ACORD 25 certificate: the Extraction representation of API.md. Nothing here is invented: a
 * value that could not be read is absent, and {@code problems} says in plain words what went wrong.
 *
 * @param method   {@code null} when nothing could be read
 * @param insurers letter ({@code A}–{@code F}) → insurer, only letters the certificate fills in
 * @param fields   every raw field read, by the form's field name
 */
public record Acord25Extraction(Status status, Method method, String producer, String insured,
                                String certificateHolder, Map<String, Insurer> insurers, List<Policy> policies,
                                Map<String, FieldValue> fields, List<String> problems) {

    public enum Status {
        EXTRACTED, NO_TEXT, FAILED
    }

    public enum Method {
        ACROFORM, TEXT, OCR
    }

    public record Insurer(String name, String naic) {
    }

    /**
     * One coverage line.
     *
     * @param line       {@code GL}, {@code AUTO}, {@code UMBRELLA}, {@code WC} or {@code OTHER}
     * @param statutory  the WC "per statute" box; {@code null} for other lines
     * @param limits     canonical limit key (API.md) → whole dollars, only the limits printed
     * @param confidence 0–1, the lowest of the line's fields
     */
    public record Policy(String line, String insurerLetter, String insurerName, String naic, String policyNumber,
                         LocalDate effectiveDate, LocalDate expirationDate, boolean additionalInsured,
                         boolean waiverOfSubrogation, Boolean statutory, Map<String, Long> limits,
                         double confidence) {
    }

    /** A raw field as read, with how sure the reading is (0–1). */
    public record FieldValue(String value, double confidence) {
    }

    /** Nothing read, and why in plain words. */
    public static Acord25Extraction unread(Status status, String problem) {
        return new Acord25Extraction(status, null, null, null, null, Map.of(), List.of(), Map.of(), List.of(problem));
    }
}

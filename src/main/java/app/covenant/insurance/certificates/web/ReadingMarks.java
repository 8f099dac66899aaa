package app.covenant.insurance.certificates.web;

import app.covenant.insurance.certificates.CoiExtraction;
import app.covenant.insurance.extraction.Acord25Extraction.FieldValue;
import app.covenant.insurance.extraction.Acord25Extraction.Policy;
import app.covenant.insurance.extraction.Acord25Form;
import app.covenant.insurance.extraction.CoverageLines;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the policy form shows beside each value read off the ACORD 25 — how sure the reading is, whether it is low
 * (under {@value #LOW}) or was corrected — and where each value sits on the page image, keyed like the corrections
 * ({@code GL.policyNumber}, {@code WC.limits.EL_EACH_ACCIDENT}). Boxes are in percent of the page, from
 * {@link Acord25Form}'s rectangles (points, origin lower left).
 */
public record ReadingMarks(Map<String, Mark> marks, Map<String, String> boxes) {

    static final double LOW = 0.8;

    /**
     * @param badge what the small badge says ("read 95%", "not read", "corrected"); null: no badge
     * @param note  the plain explanation of a low or corrected value; null when there is nothing to say
     */
    public record Mark(String badge, boolean low, String note) {
    }

    /** The same marks, with no place on the page (a photo, on which the form's rectangles do not sit). */
    ReadingMarks withoutBoxes() {
        return new ReadingMarks(marks, Map.of());
    }

    static ReadingMarks none() {
        return new ReadingMarks(Map.of(), Map.of());
    }

    /** The marks of a reading (null: none) and the corrections made to it (field → what was read). */
    static ReadingMarks of(CoiExtraction reading, Map<String, String> corrected) {
        Map<String, Mark> marks = new LinkedHashMap<>();
        Map<String, String> boxes = new LinkedHashMap<>();
        for (CoverageLines line : CoverageLines.ALL) {
            Policy policy = reading == null ? null : reading.policy(line.line()).orElse(null);
            String letter = policy == null || policy.insurerLetter() == null ? null : policy.insurerLetter();
            Map<String, String> places = new LinkedHashMap<>();
            places.put("line", line.letter());
            places.put("insurerName", letter == null ? line.letter() : "Insurer_FullName_" + letter);
            places.put("naic", letter == null ? line.letter() : "Insurer_NAICCode_" + letter);
            places.put("policyNumber", line.policyNumber());
            places.put("effectiveDate", line.effective());
            places.put("expirationDate", line.expiration());
            if (line.additionalInsured() != null) {
                places.put("additionalInsured", line.additionalInsured());
            }
            places.put("waiverOfSubrogation", line.waiver());
            if (line.statutory() != null) {
                places.put("statutory", line.statutory());
            }
            line.limits().forEach((key, field) -> places.put("limits." + key, field));
            places.forEach((field, formField) -> {
                String key = line.line() + "." + field;
                box(formField).ifPresent(box -> boxes.put(key, box));
                if (policy != null && !"line".equals(field)) {
                    Mark mark = corrected.containsKey(key) ? correctedMark(corrected.get(key))
                            : mark(field, reading.fields().get(formField));
                    if (mark != null) {
                        marks.put(key, mark);
                    }
                }
            });
        }
        return new ReadingMarks(marks, boxes);
    }

    /**
     * The reading's problems as the pages say them: the form's field names ("Policy_GeneralLiability_EffectiveDate_A")
     * in words ("the general liability effective date"); the API keeps them as read.
     */
    static List<String> plainProblems(List<String> problems, Map<String, String> lineLabels,
                                      Map<String, String> limitLabels) {
        if (problems == null || problems.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        names.put("Producer_FullName_A", "the producer's name");
        names.put("NamedInsured_FullName_A", "the insured's name");
        names.put("CertificateHolder_FullName_A", "the certificate holder's name");
        for (String letter : List.of("A", "B", "C", "D", "E", "F")) {
            names.put("Insurer_FullName_" + letter, "the name of insurer " + letter);
            names.put("Insurer_NAICCode_" + letter, "the NAIC number of insurer " + letter);
        }
        for (CoverageLines line : CoverageLines.ALL) {
            String label = "the " + lineLabels.getOrDefault(line.line(), line.line()).toLowerCase(Locale.ROOT);
            names.put(line.letter(), label + " insurer letter");
            names.put(line.policyNumber(), label + " policy number");
            names.put(line.effective(), label + " effective date");
            names.put(line.expiration(), label + " expiration date");
            names.put(line.waiver(), label + " waiver of subrogation mark");
            if (line.additionalInsured() != null) {
                names.put(line.additionalInsured(), label + " additional insured mark");
            }
            if (line.statutory() != null) {
                names.put(line.statutory(), label + " statutory limits box");
            }
            line.limits().forEach((key, field) -> names.put(field, label + " limit “"
                    + limitLabels.getOrDefault(key, key) + "”"));
        }
        return problems.stream().map(problem -> {
            String plain = problem;
            for (Map.Entry<String, String> name : names.entrySet()) {
                plain = plain.replace(" in " + name.getKey() + ".", " in " + name.getValue() + ".");
            }
            return plain;
        }).toList();
    }

    /** The mark of a line's field, or null (also for a row without a line). */
    public Mark get(String line, String field) {
        return line == null ? null : marks.get(line + "." + field);
    }

    /**
     * What an input's {@code aria-describedby} names: its error when there is one, and the note on its reading
     * when there is one; null for neither.
     */
    public String describedBy(String line, String field, String errorId, String noteId) {
        Mark mark = get(line, field);
        String both = ((errorId == null ? "" : errorId) + " " + (mark != null && mark.note() != null ? noteId : "")).strip();
        return both.isEmpty() ? null : both;
    }

    private static Mark correctedMark(String read) {
        return new Mark("corrected", false, read == null ? "Not read from the certificate; entered by hand."
                : "Corrected: the certificate was read as “" + read + "”.");
    }

    private static final List<String> EXPECTED = List.of("policyNumber", "effectiveDate", "expirationDate");

    private static Mark mark(String field, FieldValue value) {
        if (value == null) {
            // Blank boxes and limits are simply not printed; the policy's number and dates ought to be.
            return EXPECTED.contains(field) ? new Mark("not read", true,
                    "Not read from the certificate: enter it from the document.") : null;
        }
        String percent = Math.round(value.confidence() * 100) + "%";
        if (value.confidence() >= LOW) {
            return new Mark("read " + percent, false, null);
        }
        if (value.confidence() <= 0.3) {
            return new Mark("not read", true, "Could not read “" + value.value()
                    + "” on the certificate: enter it from the document.");
        }
        return new Mark("read " + percent, true, "Check this value: it was hard to read (" + percent + " sure).");
    }

    private static java.util.Optional<String> box(String formField) {
        return Acord25Form.edition2016().field(formField).filter(f -> f.visible() && f.page() == 1).map(f ->
                String.format(Locale.ROOT, "%.2f %.2f %.2f %.2f", f.x() / Acord25Form.PAGE_WIDTH * 100,
                        (Acord25Form.PAGE_HEIGHT - f.y() - f.height()) / Acord25Form.PAGE_HEIGHT * 100,
                        f.width() / Acord25Form.PAGE_WIDTH * 100, f.height() / Acord25Form.PAGE_HEIGHT * 100));
    }
}

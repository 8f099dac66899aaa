package app.covenant.insurance.extraction;

import app.covenant.insurance.extraction.Acord25Extraction.FieldValue;
import app.covenant.insurance.extraction.Acord25Extraction.Insurer;
import app.covenant.insurance.extraction.Acord25Extraction.Method;
import app.covenant.insurance.extraction.Acord25Extraction.Policy;
import app.covenant.insurance.extraction.Acord25Extraction.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * From the form's fields as read (field name → raw text, however it was obtained: AcroForm, text on the page or
 * OCR) to an extraction: values normalised by their kind, a confidence per field, insurers, coverage lines and
 * the problems to say. Every way of reading a certificate goes through here, so they all normalise alike.
 */
final class Acord25Fields {

    static final double UNREADABLE_CONFIDENCE = 0.3;
    static final double REPAIRED_PENALTY = 0.1;

    private final Acord25Form form;

    Acord25Fields(Acord25Form form) {
        this.form = form;
    }

    /**
     * @param raw   field name → raw text
     * @param bases field name → how sure the reading of that field's text is, before normalisation; fields not
     *              given use {@code base}
     */
    Acord25Extraction read(Map<String, String> raw, Method method, double base, Map<String, Double> bases) {
        Reading reading = new Reading(raw, base, bases, method == Method.OCR);
        List<String> problems = new ArrayList<>();
        Map<String, Insurer> insurers = new LinkedHashMap<>();
        for (String letter : List.of("A", "B", "C", "D", "E", "F")) {
            String name = reading.text("Insurer_FullName_" + letter);
            String naic = reading.text("Insurer_NAICCode_" + letter);
            if (name != null || naic != null) {
                insurers.put(letter, new Insurer(name, naic));
            }
        }
        List<Policy> policies = new ArrayList<>();
        for (CoverageLines line : CoverageLines.ALL) {
            if (line.presence().stream().allMatch(name -> reading.text(name) == null)) {
                continue;
            }
            policies.add(policy(line, reading, insurers, problems));
        }
        if (policies.isEmpty()) {
            problems.add("No coverage line is filled in on this certificate.");
        }
        reading.fields.forEach((name, value) -> {
            if (value.confidence() <= UNREADABLE_CONFIDENCE) {
                problems.add("Could not read \"" + value.value() + "\" in " + name + ".");
            }
        });
        return new Acord25Extraction(Status.EXTRACTED, method, reading.text("Producer_FullName_A"),
                reading.text("NamedInsured_FullName_A"), reading.text("CertificateHolder_FullName_A"), insurers,
                policies, reading.fields, problems);
    }

    private Policy policy(CoverageLines line, Reading reading, Map<String, Insurer> insurers, List<String> problems) {
        List<String> used = new ArrayList<>(line.presence());
        String letter = reading.text(line.letter());
        if (letter != null) {
            letter = letter.toUpperCase(Locale.ROOT);
        }
        Insurer insurer = letter == null ? null : insurers.get(letter);
        if (letter != null && insurer == null) {
            problems.add(line.line() + " names insurer " + letter + ", which the certificate does not list.");
        }
        LocalDate effective = reading.date(line.effective());
        LocalDate expiration = reading.date(line.expiration());
        boolean additionalInsured = line.additionalInsured() != null && reading.mark(line.additionalInsured());
        boolean waiver = reading.mark(line.waiver());
        Boolean statutory = line.statutory() == null ? null : reading.mark(line.statutory());
        if (line.additionalInsured() != null) {
            used.add(line.additionalInsured());
        }
        used.add(line.waiver());
        Map<String, Long> limits = new LinkedHashMap<>();
        line.limits().forEach((key, field) -> {
            Long amount = reading.money(field);
            if (amount != null) {
                limits.put(key, amount);
            }
        });
        double confidence = used.stream().mapToDouble(reading::confidence).min().orElse(reading.base);
        return new Policy(line.line(), letter, insurer == null ? null : insurer.name(),
                insurer == null ? null : insurer.naic(), reading.text(line.policyNumber()), effective, expiration,
                additionalInsured, waiver, statutory, limits, confidence);
    }

    /** The raw values with the confidence each earns once normalised by its kind. */
    private final class Reading {

        private final Map<String, FieldValue> fields = new LinkedHashMap<>();
        private final Map<String, Parsed<?>> parsed = new LinkedHashMap<>();
        private final Map<String, Double> bases;
        private final double base;

        Reading(Map<String, String> raw, double base, Map<String, Double> bases, boolean ocr) {
            this.base = base;
            this.bases = bases;
            raw.forEach((name, value) -> {
                String clean = value == null ? "" : value.strip().replaceAll("\\s+", " ");
                boolean checkbox = form.field(name).map(Acord25Form.Field::checkbox).orElse(false);
                if (checkbox && "Off".equals(clean)) {
                    clean = "";
                }
                Parsed<?> reading = parse(name, checkbox, clean);
                if (ocr && reading.quality() == Parsed.Quality.UNREADABLE && numeric(name)) {
                    // OCR confuses letters with the digits they resemble; where only digits belong, read them so.
                    String digits = OcrConfusions.repair(clean);
                    Parsed<?> repaired = parse(name, false, digits);
                    if (repaired.quality() == Parsed.Quality.CLEAN || repaired.quality() == Parsed.Quality.REPAIRED) {
                        clean = digits;
                        reading = new Parsed<>(repaired.value(), Parsed.Quality.REPAIRED);
                    }
                }
                parsed.put(name, reading);
                if (!clean.isEmpty()) {
                    fields.put(name, new FieldValue(clean, confidenceOf(name, reading.quality())));
                }
            });
        }

        private boolean numeric(String name) {
            return name.endsWith("Date_A") || name.endsWith("Amount_A") || name.endsWith("Amount_B")
                    || name.endsWith("Amount_C");
        }

        private Parsed<?> parse(String name, boolean checkbox, String value) {
            if (checkbox || name.endsWith("AdditionalInsuredCode_A") || name.endsWith("SubrogationWaivedCode_A")
                    || name.endsWith("ExcludedIndicator_A")) {
                return Marks.parse(value);
            }
            if (name.endsWith("Date_A")) {
                return CertificateDates.parse(value);
            }
            if (name.endsWith("Amount_A") || name.endsWith("Amount_B") || name.endsWith("Amount_C")) {
                return Money.parse(value);
            }
            return value.isEmpty() ? Parsed.blank() : Parsed.clean(value);
        }

        private double confidenceOf(String name, Parsed.Quality quality) {
            double read = bases.getOrDefault(name, base);
            return switch (quality) {
                case BLANK, CLEAN -> read;
                case REPAIRED -> read - REPAIRED_PENALTY;
                case UNREADABLE -> UNREADABLE_CONFIDENCE;
            };
        }

        double confidence(String name) {
            Parsed<?> reading = parsed.get(name);
            return reading == null ? base : confidenceOf(name, reading.quality());
        }

        String text(String name) {
            FieldValue value = fields.get(name);
            return value == null ? null : value.value();
        }

        LocalDate date(String name) {
            Parsed<?> reading = parsed.get(name);
            return reading != null && reading.value() instanceof LocalDate date ? date : null;
        }

        Long money(String name) {
            Parsed<?> reading = parsed.get(name);
            return reading != null && reading.value() instanceof Long amount ? amount : null;
        }

        boolean mark(String name) {
            Parsed<?> reading = parsed.get(name);
            return reading != null && Boolean.TRUE.equals(reading.value());
        }
    }
}

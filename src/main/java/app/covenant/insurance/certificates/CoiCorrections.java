package app.covenant.insurance.certificates;

import app.covenant.insurance.extraction.Acord25Extraction.Policy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Records what people change from what was read off the certificate's latest ACORD 25, when policy rows are saved
 * (in the saving transaction): one row per changed value, named like the policy form ({@code GL.policyNumber},
 * {@code WC.limits.EL_EACH_ACCIDENT}); the latest correction wins, and a value set back to what was read is no
 * correction any more. Only lines both read and saved are compared (a line added or left out is no misreading).
 */
@Component
class CoiCorrections {

    private final CoiReadingRows rows;

    CoiCorrections(CoiReadingRows rows) {
        this.rows = rows;
    }

    /** @return the fields corrected by this save (new or changed corrections) */
    List<String> record(UUID coiId, List<CoiPolicy> saved, UUID by, Instant at) {
        Optional<CoiExtraction> reading = rows.latest(coiId).filter(CoiExtraction::isExtracted);
        if (reading.isEmpty()) {
            return List.of();
        }
        CoiExtraction read = reading.get();
        Map<String, CoiReadingRows.Correction> before = new LinkedHashMap<>();
        rows.corrections(read.documentId()).forEach(c -> before.put(c.field(), c));
        List<String> changed = new ArrayList<>();
        for (CoiPolicy policy : saved) {
            Optional<Policy> line = read.policy(policy.line());
            if (line.isEmpty()) {
                continue;
            }
            values(line.get(), policy).forEach((field, pair) -> {
                String wasRead = pair[0];
                String now = pair[1];
                CoiReadingRows.Correction earlier = before.get(field);
                if (Objects.equals(wasRead, now)) {
                    if (earlier != null) {
                        rows.uncorrect(read.documentId(), field);
                    }
                } else if (earlier == null || !Objects.equals(earlier.correctedValue(), now)) {
                    rows.correct(coiId, read.documentId(), read.producer(),
                            new CoiReadingRows.Correction(field, wasRead, now), by, at);
                    changed.add(field);
                }
            });
        }
        return changed;
    }

    /** Field name → {what was read, what is saved}, as text (dates ISO, amounts in dollars, marks true/false). */
    static Map<String, String[]> values(Policy read, CoiPolicy saved) {
        String line = saved.line();
        Map<String, String[]> values = new LinkedHashMap<>();
        values.put(line + ".insurerName", pair(read.insurerName(), saved.insurerName()));
        values.put(line + ".naic", pair(read.naic(), saved.naic()));
        values.put(line + ".policyNumber", pair(read.policyNumber(), saved.policyNumber()));
        values.put(line + ".effectiveDate", pair(date(read.effectiveDate()), date(saved.effectiveDate())));
        values.put(line + ".expirationDate", pair(date(read.expirationDate()), date(saved.expirationDate())));
        if (!"WC".equals(line)) {
            values.put(line + ".additionalInsured", pair(String.valueOf(read.additionalInsured()),
                    String.valueOf(saved.additionalInsured())));
        }
        values.put(line + ".waiverOfSubrogation", pair(String.valueOf(read.waiverOfSubrogation()),
                String.valueOf(saved.waiverOfSubrogation())));
        if ("WC".equals(line)) {
            values.put(line + ".statutory", pair(String.valueOf(Boolean.TRUE.equals(read.statutory())),
                    String.valueOf(saved.statutory())));
        }
        Set<String> keys = new TreeSet<>(read.limits() == null ? Set.of() : read.limits().keySet());
        keys.addAll(saved.limits().keySet());
        for (String key : keys) {
            Long wasRead = read.limits() == null ? null : read.limits().get(key);
            Long now = saved.limits().get(key);
            values.put(line + ".limits." + key, pair(wasRead == null ? null : wasRead.toString(),
                    now == null ? null : now.toString()));
        }
        return values;
    }

    private static String[] pair(String read, String saved) {
        return new String[] {blankToNull(read), blankToNull(saved)};
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

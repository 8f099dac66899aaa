package app.covenant.insurance.compliance;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one sub must show on one project: the program tier of its trades with the project's overrides applied
 * ({@link RequirementResolver}). A line of coverage is required when one of its limits has a minimum above
 * zero, and workers' compensation also when statutory coverage is required.
 *
 * @param minimums whole dollars by canonical key; an absent key (or zero) is not required
 * @param additionalInsureds who must be named as additional insured when {@code additionalInsuredRequired}
 * @param certificateHolder the holder the certificate must show; blank when the requirement names none
 * @param requiredEndorsements endorsement kinds that must be present, e.g. "CG 20 10"
 * @param projectEnd the project's end date; null when not set (no expiry-before-end check then)
 */
public record Requirement(
        Map<LimitKey, Long> minimums,
        boolean wcStatutoryRequired,
        boolean additionalInsuredRequired,
        List<String> additionalInsureds,
        boolean waiverOfSubrogationRequired,
        boolean primaryNonContributoryRequired,
        String certificateHolder,
        Set<String> requiredEndorsements,
        LocalDate projectEnd) {

    public Requirement {
        EnumMap<LimitKey, Long> copy = new EnumMap<>(LimitKey.class);
        minimums.forEach((key, value) -> {
            if (value < 0) {
                throw new IllegalArgumentException(key + " minimum must not be negative");
            }
            if (value > 0) {
                copy.put(key, value);
            }
        });
        minimums = Collections.unmodifiableMap(copy);
        additionalInsureds = List.copyOf(additionalInsureds);
        certificateHolder = certificateHolder == null ? "" : certificateHolder;
        requiredEndorsements = Set.copyOf(requiredEndorsements);
    }

    public long minimum(LimitKey key) {
        return minimums.getOrDefault(key, 0L);
    }

    /** The lines the certificate must carry, in listing order. */
    public Set<LineOfCoverage> requiredLines() {
        EnumSet<LineOfCoverage> lines = EnumSet.noneOf(LineOfCoverage.class);
        minimums.keySet().forEach(key -> lines.add(key.line()));
        if (wcStatutoryRequired) {
            lines.add(LineOfCoverage.WC);
        }
        return lines;
    }
}

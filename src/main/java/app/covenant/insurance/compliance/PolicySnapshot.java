package app.covenant.insurance.compliance;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One policy row of a certificate as confirmed by the reviewer.
 *
 * @param limits by canonical key, whole dollars; a key the certificate does not show is absent
 * @param additionalInsuredNames the names the policy covers as additional insureds when known (the ACORD 25
 *        usually names them only in its description of operations); empty when unknown
 */
public record PolicySnapshot(
        LineOfCoverage line,
        String insurerName,
        String naic,
        String policyNumber,
        LocalDate effectiveDate,
        LocalDate expirationDate,
        Map<LimitKey, Long> limits,
        boolean wcStatutory,
        boolean additionalInsured,
        boolean waiverOfSubrogation,
        boolean primaryNonContributory,
        List<String> additionalInsuredNames) {

    public PolicySnapshot {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(expirationDate, "expirationDate");
        EnumMap<LimitKey, Long> copy = new EnumMap<>(LimitKey.class);
        copy.putAll(limits);
        limits = java.util.Collections.unmodifiableMap(copy);
        additionalInsuredNames = List.copyOf(additionalInsuredNames);
        policyNumber = policyNumber == null ? "" : policyNumber;
    }

    public Optional<Long> limit(LimitKey key) {
        return Optional.ofNullable(limits.get(key));
    }

    /** How a sentence names this policy: "the general liability policy GL-123". */
    String describe() {
        return "the " + line.label() + " policy" + (policyNumber.isBlank() ? "" : " " + policyNumber);
    }
}

package app.covenant.insurance.demo;

import app.covenant.insurance.certificates.PolicyInput;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One policy of a demo certificate: what the ACORD 25 prints on its coverage line and what the broker enters
 * as the policy row — the same values for both.
 *
 * @param limits by the canonical limit keys of the line (whole dollars), in the order the form prints them
 */
record SamplePolicy(String line, String insurerName, String naic, String policyNumber, LocalDate effectiveDate,
                    LocalDate expirationDate, Map<String, Long> limits, boolean additionalInsured,
                    boolean waiverOfSubrogation, boolean primaryNonContributory, boolean statutory) {

    SamplePolicy {
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    PolicyInput row() {
        return new PolicyInput(line, insurerName, naic, policyNumber, effectiveDate, expirationDate, limits,
                additionalInsured, waiverOfSubrogation, primaryNonContributory, statutory);
    }
}

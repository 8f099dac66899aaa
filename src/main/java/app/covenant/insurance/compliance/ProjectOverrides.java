package app.covenant.insurance.compliance;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A project's changes to its program, applied over the sub's tier: a minimum may be raised or lowered (zero:
 * not required), a flag switched on or off; null leaves the flag as the program has it.
 */
public record ProjectOverrides(
        Map<LimitKey, Long> minimums,
        Boolean wcStatutoryRequired,
        Boolean additionalInsuredRequired,
        Boolean waiverOfSubrogationRequired,
        Boolean primaryNonContributoryRequired) {

    public static final ProjectOverrides NONE = new ProjectOverrides(Map.of(), null, null, null, null);

    public ProjectOverrides {
        EnumMap<LimitKey, Long> copy = new EnumMap<>(LimitKey.class);
        minimums.forEach((key, value) -> {
            if (value < 0) {
                throw new IllegalArgumentException(key + " override must not be negative");
            }
            copy.put(key, value);
        });
        minimums = Collections.unmodifiableMap(copy);
    }
}

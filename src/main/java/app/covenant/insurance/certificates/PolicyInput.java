package app.covenant.insurance.certificates;

import app.covenant.shared.problem.ProblemException.FieldError;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code PUT /cois/{id}/policies}: a line of coverage (GL, AUTO, UMBRELLA, WC, OTHER) with its
 * limits by the canonical keys of that line (whole dollars).
 */
public record PolicyInput(String line, String insurerName, String naic, String policyNumber, LocalDate effectiveDate,
                          LocalDate expirationDate, Map<String, Long> limits, Boolean additionalInsured,
                          Boolean waiverOfSubrogation, Boolean primaryNonContributory, Boolean statutory) {

    /** The problems of row {@code index}, named {@code policies[i].field}. */
    void check(int index, List<FieldError> errors) {
        String at = "policies[" + index + "].";
        if (line == null || !PolicyLimits.LINES.contains(line)) {
            errors.add(new FieldError(at + "line", "must be one of " + String.join(", ", PolicyLimits.LINES)));
            return;
        }
        if (effectiveDate == null) {
            errors.add(new FieldError(at + "effectiveDate", "must be a date such as 2027-01-31"));
        }
        if (expirationDate == null) {
            errors.add(new FieldError(at + "expirationDate", "must be a date such as 2028-01-31"));
        }
        if (effectiveDate != null && expirationDate != null && expirationDate.isBefore(effectiveDate)) {
            errors.add(new FieldError(at + "expirationDate", "must not be before the effective date"));
        }
        length(at + "insurerName", insurerName, 200, errors);
        length(at + "naic", naic, 10, errors);
        length(at + "policyNumber", policyNumber, 100, errors);
        if (limits != null) {
            limits.forEach((key, amount) -> {
                if (!PolicyLimits.knows(line, key)) {
                    List<String> keys = PolicyLimits.keysOf(line);
                    errors.add(new FieldError(at + "limits." + key, keys.isEmpty()
                            ? "a policy of line " + line + " carries no limits"
                            : "is not a limit of line " + line + "; use " + String.join(", ", keys)));
                } else if (amount == null || amount < 0) {
                    errors.add(new FieldError(at + "limits." + key, "must be whole dollars, zero or more"));
                }
            });
        }
    }

    private static void length(String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    static boolean yes(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }
}

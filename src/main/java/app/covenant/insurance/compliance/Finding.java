package app.covenant.insurance.compliance;

import java.util.Comparator;
import java.util.Objects;

/**
 * One way a certificate falls short of its requirement.
 *
 * @param line the line of coverage; null for what concerns the whole certificate (holder, endorsements)
 * @param limitKey the limit a {@code *_BELOW_MINIMUM} finding is about; null otherwise
 * @param subject what the finding points at beyond its line: a policy number, the missing names, an
 *        endorsement kind; empty when nothing more
 * @param required what the requirement asks, for people ("$1,000,000")
 * @param found what the certificate shows, for people ("$500,000", "not shown")
 * @param requiredValue the same for machines: whole dollars as digits, dates as ISO-8601, names as written;
 *        empty when there is nothing to compare
 * @param foundValue see {@code requiredValue}
 * @param message one sentence a broker understands
 * @param override the reviewer's override, or null while the finding stands
 */
public record Finding(
        FindingCode code,
        LineOfCoverage line,
        LimitKey limitKey,
        String subject,
        String required,
        String found,
        String requiredValue,
        String foundValue,
        String message,
        FindingOverride override) {

    /**
     * By line (certificate-wide findings last), then code, then subject; the values and the sentence break the
     * remaining ties (two policies of one line with the same number), so the order never depends on input order.
     */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::line, Comparator.nullsLast(Comparator.<LineOfCoverage>naturalOrder()))
            .thenComparing(Finding::code)
            .thenComparing(Finding::subject)
            .thenComparing(Finding::foundValue)
            .thenComparing(Finding::requiredValue)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        subject = subject == null ? "" : subject;
        required = required == null ? "" : required;
        found = found == null ? "" : found;
        requiredValue = requiredValue == null ? "" : requiredValue;
        foundValue = foundValue == null ? "" : foundValue;
    }

    public boolean overridden() {
        return override != null;
    }

    Finding overriddenBy(FindingOverride by) {
        return new Finding(code, line, limitKey, subject, required, found, requiredValue, foundValue, message, by);
    }
}

package app.covenant.insurance.compliance;

import java.util.Objects;

/**
 * A reviewer's decision that a finding does not block approval, e.g. a general liability shortfall the
 * umbrella makes up. It matches every finding with the same code and line (line null: a certificate-wide
 * finding); the finding stays listed, marked overridden.
 *
 * @param by who decided (the reviewer's e-mail or name, as the caller records it)
 */
public record FindingOverride(FindingCode code, LineOfCoverage line, String reason, String by) {

    public FindingOverride {
        Objects.requireNonNull(code, "code");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("An override needs a reason");
        }
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("An override needs the reviewer who made it");
        }
    }

    boolean matches(Finding finding) {
        return finding.code() == code && finding.line() == line;
    }
}

package app.covenant.insurance.compliance;

import java.util.Collection;
import java.util.List;

/** The engine's findings with the reviewer's overrides applied; overridden findings stay listed. */
public record ComplianceResult(List<Finding> findings) {

    public ComplianceResult {
        findings = List.copyOf(findings);
    }

    /** Marks each finding an override matches (the first matching override wins). */
    public static ComplianceResult of(List<Finding> findings, Collection<FindingOverride> overrides) {
        return new ComplianceResult(findings.stream()
                .map(finding -> overrides.stream()
                        .filter(o -> o.matches(finding))
                        .findFirst()
                        .map(finding::overriddenBy)
                        .orElse(finding))
                .toList());
    }

    /** True when every finding is overridden (or there is none). */
    public boolean compliant() {
        return findings.stream().allMatch(Finding::overridden);
    }

    public List<Finding> outstanding() {
        return findings.stream().filter(f -> !f.overridden()).toList();
    }
}

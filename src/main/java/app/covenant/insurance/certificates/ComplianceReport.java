package app.covenant.insurance.certificates;

import app.covenant.insurance.compliance.LimitKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The answer of {@code GET /cois/{id}/compliance}: what the requirement asks (program, tier, minimums, flags,
 * names), every finding of the engine with its override when a reviewer made one, and whether none is left open.
 */
public record ComplianceReport(RequirementSummary requirement, List<FindingView> findings, boolean compliant) {

    /** The findings no override covers. */
    public List<FindingView> open() {
        return findings.stream().filter(f -> !f.overridden()).toList();
    }

    public record RequirementSummary(UUID programId, String programName, String tierName, Map<LimitKey, Long> minimums,
                              boolean wcStatutoryRequired, boolean additionalInsuredRequired,
                              List<String> additionalInsureds, boolean waiverOfSubrogationRequired,
                              boolean primaryNonContributoryRequired, String certificateHolder,
                              Set<String> requiredEndorsements, LocalDate projectEnd) {
    }

    public record FindingView(String code, String line, String limitKey, String subject, String required, String found,
                       String message, boolean overridden, OverrideView override) {
    }

    public record OverrideView(String reason, UUID by, Instant at) {
    }
}

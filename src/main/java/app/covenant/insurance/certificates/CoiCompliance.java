package app.covenant.insurance.certificates;

import app.covenant.documents.DocumentStorage;
import app.covenant.documents.DocumentView;
import app.covenant.insurance.compliance.CertificateSnapshot;
import app.covenant.insurance.compliance.ComplianceEngine;
import app.covenant.insurance.compliance.ComplianceResult;
import app.covenant.insurance.compliance.Finding;
import app.covenant.insurance.compliance.FindingCode;
import app.covenant.insurance.compliance.FindingOverride;
import app.covenant.insurance.compliance.LimitKey;
import app.covenant.insurance.compliance.LineOfCoverage;
import app.covenant.insurance.compliance.PolicySnapshot;
import app.covenant.insurance.compliance.Requirement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Runs the compliance engine on a certificate: the requirement of its sub on its project
 * ({@link RequirementLoader}), its policy rows as the engine's snapshot, its certificate holder, and the
 * endorsement forms it shows — a required form counts as present when an ENDORSEMENT document's file name
 * carries its number ("CG 20 10 04 13.pdf" shows "CG 20 10"; case, spaces and punctuation aside) — and the
 * reviewers' overrides. Evaluated as of today.
 */
@Component
class CoiCompliance {

    /** How an override names a finding's line: the line, or ANY for a certificate-wide finding. */
    static final String ANY_LINE = "ANY";

    private final RequirementLoader requirements;
    private final CoiRows rows;
    private final DocumentStorage documents;
    private final Clock clock;

    CoiCompliance(RequirementLoader requirements, CoiRows rows, DocumentStorage documents, Clock clock) {
        this.requirements = requirements;
        this.rows = rows;
        this.documents = documents;
        this.clock = clock;
    }

    ComplianceReport evaluate(Coi coi) {
        RequirementLoader.Loaded loaded = requirements.load(coi.projectId(), coi.subId());
        Requirement requirement = loaded.requirement();
        CertificateSnapshot snapshot = new CertificateSnapshot(coi.certificateHolder(),
                rows.policies(coi.getId()).stream().map(CoiCompliance::snapshot).toList(),
                endorsementsShown(coi.getId(), requirement.requiredEndorsements()));
        List<Finding> findings = ComplianceEngine.evaluate(requirement, snapshot, LocalDate.now(clock));
        List<StoredOverride> stored = rows.overrides(coi.getId());
        List<FindingOverride> overrides = stored.stream().map(o -> new FindingOverride(FindingCode.valueOf(o.code()),
                ANY_LINE.equals(o.line()) ? null : LineOfCoverage.valueOf(o.line()), o.reason(),
                o.by() == null ? "reviewer" : o.by().toString())).toList();
        ComplianceResult result = ComplianceResult.of(findings, overrides);
        List<ComplianceReport.FindingView> views = new ArrayList<>();
        for (Finding finding : result.findings()) {
            String line = finding.line() == null ? null : finding.line().name();
            ComplianceReport.OverrideView override = finding.overridden() ? stored.stream()
                    .filter(o -> o.code().equals(finding.code().name())
                            && o.line().equals(line == null ? ANY_LINE : line))
                    .findFirst().map(o -> new ComplianceReport.OverrideView(o.reason(), o.by(), o.at())).orElse(null) : null;
            views.add(new ComplianceReport.FindingView(finding.code().name(), line,
                    finding.limitKey() == null ? null : finding.limitKey().name(), finding.subject(), finding.required(),
                    finding.found(), finding.message(), finding.overridden(), override));
        }
        ComplianceReport.RequirementSummary summary = new ComplianceReport.RequirementSummary(loaded.programId(), loaded.programName(), loaded.tierName(),
                requirement.minimums(), requirement.wcStatutoryRequired(), requirement.additionalInsuredRequired(),
                requirement.additionalInsureds(), requirement.waiverOfSubrogationRequired(),
                requirement.primaryNonContributoryRequired(), requirement.certificateHolder(),
                requirement.requiredEndorsements(), requirement.projectEnd());
        return new ComplianceReport(summary, views, result.compliant());
    }

    private Set<String> endorsementsShown(UUID coiId, Set<String> required) {
        if (required.isEmpty()) {
            return Set.of();
        }
        List<String> names = rows.documents(coiId).stream().filter(d -> "ENDORSEMENT".equals(d.kind()))
                .map(d -> documents.find(d.documentId()).map(DocumentView::name).orElse(""))
                .map(CoiCompliance::compact).toList();
        Set<String> shown = new LinkedHashSet<>();
        for (String form : required) {
            if (names.stream().anyMatch(name -> name.contains(compact(form)))) {
                shown.add(form);
            }
        }
        return shown;
    }

    private static String compact(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static PolicySnapshot snapshot(CoiPolicy policy) {
        Map<LimitKey, Long> limits = new EnumMap<>(LimitKey.class);
        policy.limits().forEach((key, amount) -> PolicyLimits.engineKey(policy.line(), key)
                .ifPresent(engineKey -> limits.put(engineKey, amount)));
        return new PolicySnapshot(LineOfCoverage.valueOf(policy.line()), policy.insurerName(), policy.naic(),
                policy.policyNumber(), policy.effectiveDate(), policy.expirationDate(), limits, policy.statutory(),
                policy.additionalInsured(), policy.waiverOfSubrogation(), policy.primaryNonContributory(), List.of());
    }
}

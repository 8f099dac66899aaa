package app.covenant.insurance.compliance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a certificate against a requirement: pure, deterministic, no clock (the date is an argument).
 *
 * <p>The rules, for each line the requirement asks for (other lines on the certificate are not judged):
 * <ul>
 *   <li>no policy of the line: {@code LINE_OF_COVERAGE_MISSING}, and nothing more about that line;</li>
 *   <li>each limit with a minimum: the highest amount any policy of the line shows must reach it (equal is
 *       enough). Each line is judged on its own: an umbrella does <em>not</em> make up a general liability,
 *       auto or employers' liability shortfall here, because the program sets its GL and umbrella minimums
 *       separately; a reviewer who accepts such a combination overrides the finding with that reason;</li>
 *   <li>workers' compensation statutory coverage when required;</li>
 *   <li>dates, per policy: a policy runs from 12:01 a.m. on its effective date to 12:01 a.m. on its
 *       expiration date (the ACORD/ISO policy period), so on the expiration day it has expired and it covers
 *       a project only if it expires after the project's end date. An expired policy gets
 *       {@code POLICY_EXPIRED} only; otherwise {@code POLICY_NOT_YET_EFFECTIVE} before its effective date and
 *       {@code POLICY_EXPIRES_BEFORE_PROJECT_END} as said;</li>
 *   <li>additional insured on GL, auto and umbrella policies; waiver of subrogation on GL, auto and WC;
 *       primary and non-contributory on GL and umbrella (where construction contracts ask for them). When a
 *       policy shows the AI indicator and lists names, each required name must be among them (compared by
 *       {@link Names}); when it lists none, the indicator is taken as covering the required names.</li>
 * </ul>
 * For the whole certificate: the holder must match the required holder (case, punctuation, spacing and
 * company suffixes aside), and every required endorsement kind must be present.
 *
 * <p>Findings come in {@link Finding#ORDER}: the same inputs, in any policy order, give the same list.
 */
public final class ComplianceEngine {

    private static final Set<LineOfCoverage> AI_LINES = EnumSet.of(LineOfCoverage.GL, LineOfCoverage.AUTO, LineOfCoverage.UMBRELLA);
    private static final Set<LineOfCoverage> WOS_LINES = EnumSet.of(LineOfCoverage.GL, LineOfCoverage.AUTO, LineOfCoverage.WC);
    private static final Set<LineOfCoverage> PNC_LINES = EnumSet.of(LineOfCoverage.GL, LineOfCoverage.UMBRELLA);
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    private ComplianceEngine() {
    }

    public static List<Finding> evaluate(Requirement requirement, CertificateSnapshot certificate, LocalDate asOf) {
        List<Finding> findings = new ArrayList<>();
        for (LineOfCoverage line : requirement.requiredLines()) {
            List<PolicySnapshot> policies = certificate.policiesOf(line);
            if (policies.isEmpty()) {
                findings.add(lineMissing(line));
                continue;
            }
            checkLimits(requirement, line, policies, findings);
            for (PolicySnapshot policy : policies) {
                checkDates(requirement, policy, asOf, findings);
                checkFlags(requirement, policy, findings);
            }
        }
        checkHolder(requirement, certificate, findings);
        checkEndorsements(requirement, certificate, findings);
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }

    private static Finding lineMissing(LineOfCoverage line) {
        return new Finding(FindingCode.LINE_OF_COVERAGE_MISSING, line, null, "", "a " + line.label() + " policy",
                "none", line.name(), "", "The certificate shows no " + line.label() + " policy; this project requires one.",
                null);
    }

    private static void checkLimits(Requirement requirement, LineOfCoverage line, List<PolicySnapshot> policies,
            List<Finding> findings) {
        for (LimitKey key : LimitKey.values()) {
            long minimum = requirement.minimum(key);
            if (key.line() != line || minimum == 0) {
                continue;
            }
            Long shown = policies.stream()
                    .map(p -> p.limits().get(key))
                    .filter(Objects::nonNull)
                    .max(Long::compare)
                    .orElse(null);
            if (shown != null && shown >= minimum) {
                continue;
            }
            String required = Dollars.format(minimum);
            String found = shown == null ? "not shown" : Dollars.format(shown);
            String message = key.label() + (shown == null ? " is not shown on the certificate" : " is " + found)
                    + "; this project requires at least " + required + ".";
            findings.add(new Finding(key.belowMinimumCode(), line, key, "", required, found, Long.toString(minimum),
                    shown == null ? "" : shown.toString(), message, null));
        }
        if (line == LineOfCoverage.WC && requirement.wcStatutoryRequired()
                && policies.stream().noneMatch(PolicySnapshot::wcStatutory)) {
            PolicySnapshot first = policies.getFirst();
            findings.add(new Finding(FindingCode.WC_STATUTORY_MISSING, line, null, "", "statutory limits", "not shown",
                    "true", "false", (policies.size() == 1 ? capitalise(first.describe()) + " does not show" : "No workers' compensation policy shows")
                            + " statutory workers' compensation limits; this project requires them.",
                    null));
        }
    }

    private static void checkDates(Requirement requirement, PolicySnapshot policy, LocalDate asOf, List<Finding> findings) {
        String policyNumber = policy.policyNumber();
        LocalDate expires = policy.expirationDate();
        if (!asOf.isBefore(expires)) {
            findings.add(new Finding(FindingCode.POLICY_EXPIRED, policy.line(), null, policyNumber,
                    "in force on " + us(asOf), "expired " + us(expires), asOf.toString(), expires.toString(),
                    capitalise(policy.describe()) + " expired on " + us(expires) + "; a policy in force is required.",
                    null));
            return;
        }
        if (asOf.isBefore(policy.effectiveDate())) {
            findings.add(new Finding(FindingCode.POLICY_NOT_YET_EFFECTIVE, policy.line(), null, policyNumber,
                    "in force on " + us(asOf), "effective " + us(policy.effectiveDate()), asOf.toString(),
                    policy.effectiveDate().toString(),
                    capitalise(policy.describe()) + " only takes effect on " + us(policy.effectiveDate())
                            + "; it must be in force on " + us(asOf) + ".",
                    null));
        }
        LocalDate projectEnd = requirement.projectEnd();
        if (projectEnd != null && !expires.isAfter(projectEnd)) {
            findings.add(new Finding(FindingCode.POLICY_EXPIRES_BEFORE_PROJECT_END, policy.line(), null, policyNumber,
                    "in force through " + us(projectEnd), "expires " + us(expires), projectEnd.toString(),
                    expires.toString(),
                    capitalise(policy.describe()) + " expires on " + us(expires) + ", before the project ends on "
                            + us(projectEnd) + "; coverage must last through the end of the project.",
                    null));
        }
    }

    private static void checkFlags(Requirement requirement, PolicySnapshot policy, List<Finding> findings) {
        LineOfCoverage line = policy.line();
        if (requirement.additionalInsuredRequired() && AI_LINES.contains(line)) {
            checkAdditionalInsureds(requirement, policy, findings);
        }
        if (requirement.waiverOfSubrogationRequired() && WOS_LINES.contains(line) && !policy.waiverOfSubrogation()) {
            findings.add(new Finding(FindingCode.WAIVER_OF_SUBROGATION_MISSING, line, null, policy.policyNumber(),
                    "waiver of subrogation", "not shown", "true", "false",
                    capitalise(policy.describe()) + " does not show a waiver of subrogation; this project requires one.",
                    null));
        }
        if (requirement.primaryNonContributoryRequired() && PNC_LINES.contains(line) && !policy.primaryNonContributory()) {
            findings.add(new Finding(FindingCode.PRIMARY_NON_CONTRIBUTORY_MISSING, line, null, policy.policyNumber(),
                    "primary and non-contributory", "not shown", "true", "false",
                    capitalise(policy.describe()) + " is not shown as primary and non-contributory; this project requires it.",
                    null));
        }
    }

    private static void checkAdditionalInsureds(Requirement requirement, PolicySnapshot policy, List<Finding> findings) {
        List<String> required = requirement.additionalInsureds();
        String requiredText = required.isEmpty() ? "additional insured coverage" : String.join("; ", required);
        if (!policy.additionalInsured()) {
            String who = required.isEmpty() ? "it" : String.join(", ", required) + " to be named";
            findings.add(new Finding(FindingCode.ADDITIONAL_INSURED_MISSING, policy.line(), null,
                    subject(policy, required), requiredText, "not shown", String.join("; ", required), "",
                    capitalise(policy.describe()) + " does not show additional insured coverage; this project requires "
                            + who + ".",
                    null));
            return;
        }
        if (policy.additionalInsuredNames().isEmpty()) {
            return;
        }
        List<String> missing = required.stream()
                .filter(name -> policy.additionalInsuredNames().stream().noneMatch(named -> Names.same(name, named)))
                .toList();
        if (!missing.isEmpty()) {
            String named = String.join("; ", policy.additionalInsuredNames());
            findings.add(new Finding(FindingCode.ADDITIONAL_INSURED_MISSING, policy.line(), null,
                    subject(policy, missing), requiredText, named, String.join("; ", required), named,
                    capitalise(policy.describe()) + " does not name " + String.join(", ", missing)
                            + " as additional insured; this project requires " + (missing.size() == 1 ? "it" : "them") + ".",
                    null));
        }
    }

    private static String subject(PolicySnapshot policy, List<String> names) {
        return (policy.policyNumber() + " " + String.join(", ", names)).trim();
    }

    private static void checkHolder(Requirement requirement, CertificateSnapshot certificate, List<Finding> findings) {
        String expected = requirement.certificateHolder();
        String shown = certificate.certificateHolder();
        if (expected.isBlank() || Names.same(expected, shown)) {
            return;
        }
        String message = shown.isBlank()
                ? "The certificate names no certificate holder; this project requires \"" + expected + "\"."
                : "The certificate holder is \"" + shown + "\"; this project requires \"" + expected + "\".";
        findings.add(new Finding(FindingCode.CERTIFICATE_HOLDER_MISMATCH, null, null, "", expected,
                shown.isBlank() ? "none" : shown, expected, shown, message, null));
    }

    private static void checkEndorsements(Requirement requirement, CertificateSnapshot certificate, List<Finding> findings) {
        for (String kind : requirement.requiredEndorsements()) {
            boolean present = certificate.endorsements().stream().anyMatch(shown -> Names.same(kind, shown));
            if (!present) {
                findings.add(new Finding(FindingCode.ENDORSEMENT_MISSING, null, null, kind, kind, "not provided", kind,
                        "", "The " + kind + " endorsement is missing; this project requires it.", null));
            }
        }
    }

    private static String us(LocalDate date) {
        return date.format(US_DATE);
    }

    private static String capitalise(String sentence) {
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}

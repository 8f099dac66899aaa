package app.covenant.insurance.compliance;

import static app.covenant.insurance.compliance.LimitKey.AUTO_COMBINED_SINGLE_LIMIT;
import static app.covenant.insurance.compliance.LimitKey.GL_EACH_OCCURRENCE;
import static app.covenant.insurance.compliance.LimitKey.GL_GENERAL_AGGREGATE;
import static app.covenant.insurance.compliance.LimitKey.GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE;
import static app.covenant.insurance.compliance.LimitKey.UMBRELLA_AGGREGATE;
import static app.covenant.insurance.compliance.LimitKey.UMBRELLA_EACH_OCCURRENCE;
import static app.covenant.insurance.compliance.LimitKey.WC_EL_DISEASE_EACH_EMPLOYEE;
import static app.covenant.insurance.compliance.LimitKey.WC_EL_DISEASE_POLICY_LIMIT;
import static app.covenant.insurance.compliance.LimitKey.WC_EL_EACH_ACCIDENT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** A requirement with the spec's typical defaults and a certificate that meets it exactly, to vary one thing at a time. */
final class Fixtures {

    static final LocalDate AS_OF = LocalDate.of(2027, 3, 1);
    static final LocalDate PROJECT_END = LocalDate.of(2027, 9, 30);
    static final LocalDate EFFECTIVE = LocalDate.of(2026, 12, 1);
    static final LocalDate EXPIRES = LocalDate.of(2027, 12, 1);
    static final String GC = "Hudson Yards Builders LLC";
    static final String OWNER = "West 34th Street Owner, L.P.";

    static final Map<LimitKey, Long> DEFAULT_MINIMUMS = Map.of(
            GL_EACH_OCCURRENCE, 1_000_000L,
            GL_GENERAL_AGGREGATE, 2_000_000L,
            GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE, 2_000_000L,
            AUTO_COMBINED_SINGLE_LIMIT, 1_000_000L,
            UMBRELLA_EACH_OCCURRENCE, 2_000_000L,
            UMBRELLA_AGGREGATE, 2_000_000L,
            WC_EL_EACH_ACCIDENT, 1_000_000L,
            WC_EL_DISEASE_EACH_EMPLOYEE, 1_000_000L,
            WC_EL_DISEASE_POLICY_LIMIT, 1_000_000L);

    private Fixtures() {
    }

    static Requirement requirement() {
        return new Requirement(DEFAULT_MINIMUMS, true, true, List.of(GC, OWNER), true, true, GC, Set.of(), PROJECT_END);
    }

    static Requirement requirement(UnaryOperator<RequirementDraft> change) {
        return change.apply(new RequirementDraft(requirement())).build();
    }

    static PolicySnapshot policy(LineOfCoverage line) {
        Map<LimitKey, Long> limits = new EnumMap<>(LimitKey.class);
        DEFAULT_MINIMUMS.forEach((key, value) -> {
            if (key.line() == line) {
                limits.put(key, value);
            }
        });
        return new PolicySnapshot(line, "Hartford Fire Insurance Company", "19682", line + "-1001", EFFECTIVE, EXPIRES,
                limits, line == LineOfCoverage.WC, true, true, true, List.of());
    }

    static CertificateSnapshot certificate() {
        return new CertificateSnapshot(GC, List.of(policy(LineOfCoverage.GL), policy(LineOfCoverage.AUTO),
                policy(LineOfCoverage.UMBRELLA), policy(LineOfCoverage.WC)), Set.of());
    }

    /** The compliant certificate with the policy of {@code line} replaced. */
    static CertificateSnapshot certificateWith(LineOfCoverage line, UnaryOperator<PolicySnapshot> change) {
        List<PolicySnapshot> policies = new ArrayList<>();
        for (PolicySnapshot p : certificate().policies()) {
            policies.add(p.line() == line ? change.apply(p) : p);
        }
        return new CertificateSnapshot(GC, policies, Set.of());
    }

    static PolicySnapshot withLimit(PolicySnapshot p, LimitKey key, Long amount) {
        Map<LimitKey, Long> limits = new EnumMap<>(LimitKey.class);
        limits.putAll(p.limits());
        if (amount == null) {
            limits.remove(key);
        } else {
            limits.put(key, amount);
        }
        return new PolicySnapshot(p.line(), p.insurerName(), p.naic(), p.policyNumber(), p.effectiveDate(),
                p.expirationDate(), limits, p.wcStatutory(), p.additionalInsured(), p.waiverOfSubrogation(),
                p.primaryNonContributory(), p.additionalInsuredNames());
    }

    static PolicySnapshot withDates(PolicySnapshot p, LocalDate effective, LocalDate expires) {
        return new PolicySnapshot(p.line(), p.insurerName(), p.naic(), p.policyNumber(), effective, expires, p.limits(),
                p.wcStatutory(), p.additionalInsured(), p.waiverOfSubrogation(), p.primaryNonContributory(),
                p.additionalInsuredNames());
    }

    static PolicySnapshot withFlags(PolicySnapshot p, boolean statutory, boolean ai, boolean wos, boolean pnc,
            List<String> aiNames) {
        return new PolicySnapshot(p.line(), p.insurerName(), p.naic(), p.policyNumber(), p.effectiveDate(),
                p.expirationDate(), p.limits(), statutory, ai, wos, pnc, aiNames);
    }

    static List<FindingCode> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    /** A mutable copy of a requirement, for tests that change one field. */
    static final class RequirementDraft {
        Map<LimitKey, Long> minimums;
        boolean wcStatutory;
        boolean ai;
        List<String> aiNames;
        boolean wos;
        boolean pnc;
        String holder;
        Set<String> endorsements;
        LocalDate projectEnd;

        RequirementDraft(Requirement r) {
            minimums = new EnumMap<>(LimitKey.class);
            minimums.putAll(r.minimums());
            wcStatutory = r.wcStatutoryRequired();
            ai = r.additionalInsuredRequired();
            aiNames = r.additionalInsureds();
            wos = r.waiverOfSubrogationRequired();
            pnc = r.primaryNonContributoryRequired();
            holder = r.certificateHolder();
            endorsements = r.requiredEndorsements();
            projectEnd = r.projectEnd();
        }

        RequirementDraft flags(boolean wcStatutory, boolean ai, boolean wos, boolean pnc) {
            this.wcStatutory = wcStatutory;
            this.ai = ai;
            this.wos = wos;
            this.pnc = pnc;
            return this;
        }

        RequirementDraft holder(String holder) {
            this.holder = holder;
            return this;
        }

        RequirementDraft endorsements(Set<String> endorsements) {
            this.endorsements = endorsements;
            return this;
        }

        RequirementDraft projectEnd(LocalDate projectEnd) {
            this.projectEnd = projectEnd;
            return this;
        }

        RequirementDraft aiNames(List<String> names) {
            this.aiNames = names;
            return this;
        }

        Requirement build() {
            return new Requirement(minimums, wcStatutory, ai, aiNames, wos, pnc, holder, endorsements, projectEnd);
        }
    }
}

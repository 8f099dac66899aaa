package app.covenant.insurance.compliance;

import static app.covenant.insurance.compliance.Fixtures.AS_OF;
import static app.covenant.insurance.compliance.Fixtures.certificate;
import static app.covenant.insurance.compliance.Fixtures.certificateWith;
import static app.covenant.insurance.compliance.Fixtures.codes;
import static app.covenant.insurance.compliance.Fixtures.requirement;
import static app.covenant.insurance.compliance.Fixtures.withDates;
import static app.covenant.insurance.compliance.Fixtures.withFlags;
import static app.covenant.insurance.compliance.Fixtures.withLimit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ComplianceEngineTest {

    @Test
    void aCertificateMeetingEveryRequirementHasNoFindings() {
        assertThat(ComplianceEngine.evaluate(requirement(), certificate(), AS_OF)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: minimum {1}, shown {2} → {3}")
    @CsvSource(nullValues = "null", textBlock = """
            # key,                                      minimum,   shown,     finding,                                                   found
            GL_EACH_OCCURRENCE,                         1000000,   999999,    GL_EACH_OCCURRENCE_BELOW_MINIMUM,                          '$999,999'
            GL_EACH_OCCURRENCE,                         1000000,   1000000,   none,                                                      null
            GL_EACH_OCCURRENCE,                         1000000,   2000000,   none,                                                      null
            GL_EACH_OCCURRENCE,                         1000000,   null,      GL_EACH_OCCURRENCE_BELOW_MINIMUM,                          not shown
            GL_GENERAL_AGGREGATE,                       2000000,   1000000,   GL_GENERAL_AGGREGATE_BELOW_MINIMUM,                        '$1,000,000'
            GL_GENERAL_AGGREGATE,                       2000000,   2000000,   none,                                                      null
            GL_GENERAL_AGGREGATE,                       2000000,   4000000,   none,                                                      null
            GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE, 2000000,   1999999,   GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE_BELOW_MINIMUM,  '$1,999,999'
            GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE, 2000000,   2000000,   none,                                                      null
            GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE, 2000000,   3000000,   none,                                                      null
            AUTO_COMBINED_SINGLE_LIMIT,                 1000000,   500000,    AUTO_COMBINED_SINGLE_LIMIT_BELOW_MINIMUM,                  '$500,000'
            AUTO_COMBINED_SINGLE_LIMIT,                 1000000,   1000000,   none,                                                      null
            AUTO_COMBINED_SINGLE_LIMIT,                 1000000,   1000001,   none,                                                      null
            UMBRELLA_EACH_OCCURRENCE,                   2000000,   1000000,   UMBRELLA_EACH_OCCURRENCE_BELOW_MINIMUM,                    '$1,000,000'
            UMBRELLA_EACH_OCCURRENCE,                   2000000,   2000000,   none,                                                      null
            UMBRELLA_EACH_OCCURRENCE,                   2000000,   5000000,   none,                                                      null
            UMBRELLA_AGGREGATE,                         2000000,   1000000,   UMBRELLA_AGGREGATE_BELOW_MINIMUM,                          '$1,000,000'
            UMBRELLA_AGGREGATE,                         2000000,   2000000,   none,                                                      null
            UMBRELLA_AGGREGATE,                         2000000,   5000000,   none,                                                      null
            WC_EL_EACH_ACCIDENT,                        1000000,   500000,    WC_EL_EACH_ACCIDENT_BELOW_MINIMUM,                         '$500,000'
            WC_EL_EACH_ACCIDENT,                        1000000,   1000000,   none,                                                      null
            WC_EL_EACH_ACCIDENT,                        1000000,   2000000,   none,                                                      null
            WC_EL_DISEASE_EACH_EMPLOYEE,                1000000,   500000,    WC_EL_DISEASE_EACH_EMPLOYEE_BELOW_MINIMUM,                 '$500,000'
            WC_EL_DISEASE_EACH_EMPLOYEE,                1000000,   1000000,   none,                                                      null
            WC_EL_DISEASE_EACH_EMPLOYEE,                1000000,   2000000,   none,                                                      null
            WC_EL_DISEASE_POLICY_LIMIT,                 1000000,   500000,    WC_EL_DISEASE_POLICY_LIMIT_BELOW_MINIMUM,                  '$500,000'
            WC_EL_DISEASE_POLICY_LIMIT,                 1000000,   1000000,   none,                                                      null
            WC_EL_DISEASE_POLICY_LIMIT,                 1000000,   2000000,   none,                                                      null
            """)
    void eachLimitMustReachItsMinimum(LimitKey key, long minimum, Long shown, String finding, String found) {
        Requirement requirement = Fixtures.requirement(r -> {
            r.minimums.put(key, minimum);
            return r;
        });
        List<Finding> findings = ComplianceEngine.evaluate(requirement,
                certificateWith(key.line(), p -> withLimit(p, key, shown)), AS_OF);
        if (finding.equals("none")) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(FindingCode.valueOf(finding));
                assertThat(f.line()).isEqualTo(key.line());
                assertThat(f.limitKey()).isEqualTo(key);
                assertThat(f.required()).isEqualTo(Dollars.format(minimum));
                assertThat(f.requiredValue()).isEqualTo(Long.toString(minimum));
                assertThat(f.found()).isEqualTo(found);
                assertThat(f.foundValue()).isEqualTo(shown == null ? "" : shown.toString());
            });
        }
    }

    @ParameterizedTest(name = "professional liability: minimum {0}, shown {1} → {2}")
    @CsvSource(nullValues = "null", textBlock = """
            2000000, 1000000, PROFESSIONAL_LIABILITY_BELOW_MINIMUM
            2000000, 2000000, none
            2000000, 3000000, none
            2000000, null,    LINE_OF_COVERAGE_MISSING
            """)
    void professionalLiabilityWhenTheProgramAsksForIt(long minimum, Long shown, String finding) {
        Requirement requirement = Fixtures.requirement(r -> {
            r.minimums.put(LimitKey.PROFESSIONAL_LIABILITY, minimum);
            return r;
        });
        List<PolicySnapshot> policies = new ArrayList<>(certificate().policies());
        if (shown != null) {
            policies.add(withLimit(Fixtures.policy(LineOfCoverage.PROFESSIONAL), LimitKey.PROFESSIONAL_LIABILITY, shown));
        }
        List<Finding> findings = ComplianceEngine.evaluate(requirement,
                new CertificateSnapshot(Fixtures.GC, policies, Set.of()), AS_OF);
        assertThat(codes(findings)).isEqualTo(finding.equals("none") ? List.of() : List.of(FindingCode.valueOf(finding)));
    }

    @Test
    void theSentenceReadsAsABrokerWouldSayIt() {
        List<Finding> findings = ComplianceEngine.evaluate(requirement(),
                certificateWith(LineOfCoverage.GL, p -> withLimit(p, LimitKey.GL_EACH_OCCURRENCE, 500_000L)), AS_OF);
        assertThat(findings).singleElement().extracting(Finding::message).isEqualTo(
                "General liability each occurrence is $500,000; this project requires at least $1,000,000.");
    }

    @Test
    void twoPoliciesOfALineCountTheHigherLimit() {
        List<PolicySnapshot> policies = new ArrayList<>(certificate().policies());
        policies.add(withLimit(Fixtures.policy(LineOfCoverage.GL), LimitKey.GL_EACH_OCCURRENCE, 250_000L));
        assertThat(ComplianceEngine.evaluate(requirement(), new CertificateSnapshot(Fixtures.GC, policies, Set.of()), AS_OF))
                .isEmpty();
    }

    @Test
    void theUmbrellaDoesNotMakeUpAGeneralLiabilityShortfall() {
        CertificateSnapshot certificate = certificateWith(LineOfCoverage.GL,
                p -> withLimit(p, LimitKey.GL_EACH_OCCURRENCE, 500_000L));
        List<PolicySnapshot> policies = new ArrayList<>(certificate.policies());
        policies.replaceAll(p -> p.line() == LineOfCoverage.UMBRELLA
                ? withLimit(p, LimitKey.UMBRELLA_EACH_OCCURRENCE, 10_000_000L) : p);
        assertThat(codes(ComplianceEngine.evaluate(requirement(), new CertificateSnapshot(Fixtures.GC, policies, Set.of()),
                AS_OF))).containsExactly(FindingCode.GL_EACH_OCCURRENCE_BELOW_MINIMUM);
    }

    @ParameterizedTest(name = "no {0} policy → LINE_OF_COVERAGE_MISSING only")
    @EnumSource(value = LineOfCoverage.class, names = {"GL", "AUTO", "UMBRELLA", "WC"})
    void aRequiredLineMissing(LineOfCoverage line) {
        CertificateSnapshot certificate = new CertificateSnapshot(Fixtures.GC,
                certificate().policies().stream().filter(p -> p.line() != line).toList(), Set.of());
        assertThat(ComplianceEngine.evaluate(requirement(), certificate, AS_OF)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.LINE_OF_COVERAGE_MISSING);
            assertThat(f.line()).isEqualTo(line);
            assertThat(f.message()).isEqualTo("The certificate shows no " + line.label() + " policy; this project requires one.");
        });
    }

    @Test
    void aLineTheRequirementDoesNotAskForIsNotJudged() {
        Requirement requirement = Fixtures.requirement(r -> {
            r.minimums.remove(LimitKey.AUTO_COMBINED_SINGLE_LIMIT);
            return r;
        });
        CertificateSnapshot certificate = certificateWith(LineOfCoverage.AUTO,
                p -> withDates(withLimit(p, LimitKey.AUTO_COMBINED_SINGLE_LIMIT, 1L), Fixtures.EFFECTIVE, AS_OF));
        assertThat(ComplianceEngine.evaluate(requirement, certificate, AS_OF)).isEmpty();
    }

    @ParameterizedTest(name = "statutory required {0}, shown {1} → {2}")
    @CsvSource(textBlock = """
            true,  true,  none
            true,  false, WC_STATUTORY_MISSING
            false, false, none
            """)
    void workersCompensationStatutory(boolean required, boolean shown, String finding) {
        Requirement requirement = Fixtures.requirement(r -> r.flags(required, true, true, true));
        CertificateSnapshot certificate = certificateWith(LineOfCoverage.WC,
                p -> withFlags(p, shown, true, true, true, List.of()));
        assertThat(codes(ComplianceEngine.evaluate(requirement, certificate, AS_OF)))
                .isEqualTo(finding.equals("none") ? List.of() : List.of(FindingCode.valueOf(finding)));
    }

    @Test
    void statutoryAloneMakesWorkersCompensationRequired() {
        Requirement requirement = new Requirement(Map.of(), true, false, List.of(), false, false, "", Set.of(), null);
        assertThat(codes(ComplianceEngine.evaluate(requirement, new CertificateSnapshot("", List.of(), Set.of()), AS_OF)))
                .containsExactly(FindingCode.LINE_OF_COVERAGE_MISSING);
    }

    @ParameterizedTest(name = "effective {0}, expires {1}, as of {2}, project ends {3} → {4}")
    @CsvSource(nullValues = "null", textBlock = """
            # effective, expires,    as of,      project end, findings
            2026-12-01,  2027-12-01, 2027-03-01, 2027-09-30,  none
            2026-12-01,  2027-03-02, 2027-03-01, null,        none
            2026-12-01,  2027-03-01, 2027-03-01, null,        POLICY_EXPIRED
            2026-12-01,  2027-02-28, 2027-03-01, 2027-09-30,  POLICY_EXPIRED
            2027-03-01,  2028-03-01, 2027-03-01, 2027-09-30,  none
            2027-03-02,  2028-03-02, 2027-03-01, 2027-09-30,  POLICY_NOT_YET_EFFECTIVE
            2026-12-01,  2027-10-01, 2027-03-01, 2027-09-30,  none
            2026-12-01,  2027-09-30, 2027-03-01, 2027-09-30,  POLICY_EXPIRES_BEFORE_PROJECT_END
            2026-12-01,  2027-06-30, 2027-03-01, 2027-09-30,  POLICY_EXPIRES_BEFORE_PROJECT_END
            2027-04-01,  2027-06-30, 2027-03-01, 2027-09-30,  POLICY_NOT_YET_EFFECTIVE POLICY_EXPIRES_BEFORE_PROJECT_END
            """)
    void policyDates(LocalDate effective, LocalDate expires, LocalDate asOf, LocalDate projectEnd, String expected) {
        Requirement requirement = Fixtures.requirement(r -> r.projectEnd(projectEnd));
        List<Finding> findings = ComplianceEngine.evaluate(requirement,
                certificateWith(LineOfCoverage.GL, p -> withDates(p, effective, expires)), asOf);
        List<FindingCode> codes = expected.equals("none") ? List.of()
                : Arrays.stream(expected.split(" ")).map(FindingCode::valueOf).toList();
        assertThat(codes(findings)).isEqualTo(codes);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.line()).isEqualTo(LineOfCoverage.GL);
            assertThat(f.subject()).isEqualTo("GL-1001");
        });
    }

    @Test
    void dateSentences() {
        List<Finding> findings = ComplianceEngine.evaluate(requirement(), certificateWith(LineOfCoverage.GL,
                p -> withDates(p, Fixtures.EFFECTIVE, LocalDate.of(2027, 6, 30))), AS_OF);
        assertThat(findings).singleElement().extracting(Finding::message).isEqualTo(
                "The general liability policy GL-1001 expires on 06/30/2027, before the project ends on 09/30/2027; "
                        + "coverage must last through the end of the project.");
        findings = ComplianceEngine.evaluate(requirement(), certificateWith(LineOfCoverage.GL,
                p -> withDates(p, Fixtures.EFFECTIVE, AS_OF)), AS_OF);
        assertThat(findings).singleElement().extracting(Finding::message).isEqualTo(
                "The general liability policy GL-1001 expired on 03/01/2027; a policy in force is required.");
    }

    @ParameterizedTest(name = "{0}: AI {1}, WOS {2}, P&NC {3} → {4}")
    @CsvSource(textBlock = """
            # line,   AI,    WOS,   P&NC,  findings
            GL,       false, true,  true,  ADDITIONAL_INSURED_MISSING
            GL,       true,  false, true,  WAIVER_OF_SUBROGATION_MISSING
            GL,       true,  true,  false, PRIMARY_NON_CONTRIBUTORY_MISSING
            GL,       false, false, false, ADDITIONAL_INSURED_MISSING WAIVER_OF_SUBROGATION_MISSING PRIMARY_NON_CONTRIBUTORY_MISSING
            AUTO,     false, false, false, ADDITIONAL_INSURED_MISSING WAIVER_OF_SUBROGATION_MISSING
            UMBRELLA, false, false, false, ADDITIONAL_INSURED_MISSING PRIMARY_NON_CONTRIBUTORY_MISSING
            WC,       false, false, false, WAIVER_OF_SUBROGATION_MISSING
            """)
    void endorsementIndicatorsPerLine(LineOfCoverage line, boolean ai, boolean wos, boolean pnc, String expected) {
        CertificateSnapshot certificate = certificateWith(line, p -> withFlags(p, p.wcStatutory(), ai, wos, pnc, List.of()));
        List<Finding> findings = ComplianceEngine.evaluate(requirement(), certificate, AS_OF);
        assertThat(codes(findings)).isEqualTo(Arrays.stream(expected.split(" ")).map(FindingCode::valueOf).toList());
        assertThat(findings).allSatisfy(f -> assertThat(f.line()).isEqualTo(line));
    }

    @ParameterizedTest(name = "AI / WOS / P&NC not required → no finding on {0}")
    @EnumSource(value = LineOfCoverage.class, names = {"GL", "AUTO", "UMBRELLA", "WC"})
    void flagsNotRequiredAreNotChecked(LineOfCoverage line) {
        Requirement requirement = Fixtures.requirement(r -> r.flags(true, false, false, false));
        CertificateSnapshot certificate = certificateWith(line, p -> withFlags(p, p.wcStatutory(), false, false, false, List.of()));
        assertThat(ComplianceEngine.evaluate(requirement, certificate, AS_OF)).isEmpty();
    }

    @Test
    void anAdditionalInsuredIndicatorMissingNamesWhoMustBeNamed() {
        CertificateSnapshot certificate = certificateWith(LineOfCoverage.GL, p -> withFlags(p, false, false, true, true, List.of()));
        assertThat(ComplianceEngine.evaluate(requirement(), certificate, AS_OF)).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("The general liability policy GL-1001 does not show additional insured "
                    + "coverage; this project requires Hudson Yards Builders LLC, West 34th Street Owner, L.P. to be named.");
            assertThat(f.required()).isEqualTo("Hudson Yards Builders LLC; West 34th Street Owner, L.P.");
            assertThat(f.found()).isEqualTo("not shown");
        });
    }

    @ParameterizedTest(name = "named {0} → missing [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            # additional insureds named on the policy                             | missing
            Hudson Yards Builders LLC; West 34th Street Owner, L.P.               |
            HUDSON YARDS BUILDERS, L.L.C.; west 34th street owner lp             |
            Hudson Yards Builders L L C; West 34th Street Owner L.P.             |
            Hudson Yards Builders LLC                                             | West 34th Street Owner, L.P.
            West 34th Street Owner LP                                             | Hudson Yards Builders LLC
            Hudson Yards Builders Inc; Someone Else                               | Hudson Yards Builders LLC, West 34th Street Owner, L.P.
            """)
    void additionalInsuredNamesAreMatchedIgnoringCaseAndPunctuation(String named, String missing) {
        List<String> names = Arrays.stream(named.split(";")).map(String::strip).toList();
        CertificateSnapshot certificate = certificateWith(LineOfCoverage.GL, p -> withFlags(p, false, true, true, true, names));
        List<Finding> findings = ComplianceEngine.evaluate(requirement(), certificate, AS_OF);
        if (missing == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(FindingCode.ADDITIONAL_INSURED_MISSING);
                assertThat(f.message()).startsWith("The general liability policy GL-1001 does not name " + missing
                        + " as additional insured; this project requires");
            });
        }
    }

    @ParameterizedTest(name = "holder \"{0}\" vs required \"{1}\" → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Hudson Yards Builders LLC         | Hudson Yards Builders LLC          | none
            HUDSON YARDS BUILDERS, LLC        | Hudson Yards Builders LLC          | none
            Hudson Yards Builders, L.L.C.     | Hudson Yards Builders LLC          | none
            Hudson Yards BuildersLLC          | Hudson Yards Builders LLC          | none
            Acme & Sons Incorporated          | ACME AND SONS, INC.                | none
            Acme Construction Corporation     | Acme Construction Corp.            | none
            Hudson Yards Builders Inc.        | Hudson Yards Builders LLC          | mismatch
            Hudson Yard Builders LLC          | Hudson Yards Builders LLC          | mismatch
            ''                                | Hudson Yards Builders LLC          | mismatch
            Anyone at all                     | ''                                 | none
            """)
    void certificateHolderIsComparedNormalised(String shown, String required, String expected) {
        Requirement requirement = Fixtures.requirement(r -> r.holder(required));
        CertificateSnapshot certificate = new CertificateSnapshot(shown, certificate().policies(), Set.of());
        List<Finding> findings = ComplianceEngine.evaluate(requirement, certificate, AS_OF);
        if (expected.equals("none")) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo(FindingCode.CERTIFICATE_HOLDER_MISMATCH);
                assertThat(f.line()).isNull();
                assertThat(f.required()).isEqualTo(required);
            });
        }
    }

    @Test
    void holderSentence() {
        CertificateSnapshot certificate = new CertificateSnapshot("Hudson Yards Builders Inc.", certificate().policies(), Set.of());
        assertThat(ComplianceEngine.evaluate(requirement(), certificate, AS_OF)).singleElement().extracting(Finding::message)
                .isEqualTo("The certificate holder is \"Hudson Yards Builders Inc.\"; this project requires "
                        + "\"Hudson Yards Builders LLC\".");
    }

    @ParameterizedTest(name = "required [{0}], present [{1}] → missing [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
            CG 20 10; CG 20 37 | CG 20 10; CG 20 37     |
            CG 20 10; CG 20 37 | cg2010; CG-20-37       |
            CG 20 10; CG 20 37 | CG 20 10               | CG 20 37
            CG 20 10; CG 20 37 |                        | CG 20 10; CG 20 37
            WC 00 03 13        | CG 20 10               | WC 00 03 13
            """)
    void requiredEndorsements(String required, String present, String missing) {
        Requirement requirement = Fixtures.requirement(r -> r.endorsements(split(required)));
        CertificateSnapshot certificate = new CertificateSnapshot(Fixtures.GC, certificate().policies(), split(present));
        List<Finding> findings = ComplianceEngine.evaluate(requirement, certificate, AS_OF);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.ENDORSEMENT_MISSING);
            assertThat(f.message()).isEqualTo("The " + f.subject() + " endorsement is missing; this project requires it.");
        });
        assertThat(findings.stream().map(Finding::subject).toList()).isEqualTo(
                missing == null ? List.of() : split(missing).stream().sorted().toList());
    }

    @Test
    void theSameInputsInAnyOrderGiveTheSameFindings() {
        List<PolicySnapshot> policies = new ArrayList<>();
        for (PolicySnapshot p : certificate().policies()) {
            PolicySnapshot broken = withFlags(withLimit(p, firstKeyOf(p.line()), 1L),
                    false, false, false, false, List.of("Someone Else"));
            policies.add(withDates(broken, Fixtures.EFFECTIVE, LocalDate.of(2027, 5, 1)));
            policies.add(withDates(broken, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 30)));
        }
        Requirement requirement = Fixtures.requirement(r -> r.endorsements(Set.of("CG 20 37", "CG 20 10", "WC 00 03 13")));
        List<Finding> first = ComplianceEngine.evaluate(requirement, new CertificateSnapshot("Other", policies, Set.of()), AS_OF);
        assertThat(first).hasSizeGreaterThan(20).isSortedAccordingTo(Finding.ORDER);
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(policies, random);
            assertThat(ComplianceEngine.evaluate(requirement, new CertificateSnapshot("Other", policies, Set.of()), AS_OF))
                    .isEqualTo(first);
        }
        assertThat(first.getLast().code()).isEqualTo(FindingCode.ENDORSEMENT_MISSING);
    }

    private static LimitKey firstKeyOf(LineOfCoverage line) {
        return Arrays.stream(LimitKey.values()).filter(k -> k.line() == line).findFirst().orElseThrow();
    }

    private static Set<String> split(String list) {
        return list == null ? Set.of()
                : Arrays.stream(list.split(";")).map(String::strip).collect(Collectors.toSet());
    }
}

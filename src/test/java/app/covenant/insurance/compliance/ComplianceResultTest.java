package app.covenant.insurance.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplianceResultTest {

    static final FindingOverride UMBRELLA_COVERS_IT = new FindingOverride(FindingCode.GL_EACH_OCCURRENCE_BELOW_MINIMUM,
            LineOfCoverage.GL, "The $10,000,000 umbrella sits over GL.", "reviewer@covenant.test");

    static List<Finding> findings() {
        CertificateSnapshot certificate = Fixtures.certificateWith(LineOfCoverage.GL,
                p -> Fixtures.withLimit(p, LimitKey.GL_EACH_OCCURRENCE, 500_000L));
        certificate = new CertificateSnapshot("Someone Else", certificate.policies(), Set.of());
        return ComplianceEngine.evaluate(Fixtures.requirement(), certificate, Fixtures.AS_OF);
    }

    @Test
    void noFindingsIsCompliant() {
        assertThat(ComplianceResult.of(List.of(), List.of()).compliant()).isTrue();
    }

    @ParameterizedTest(name = "overrides [{0}] → compliant {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # overrides (code@line)                                                              | compliant | outstanding
            ''                                                                                   | false     | 2
            GL_EACH_OCCURRENCE_BELOW_MINIMUM@GL                                                  | false     | 1
            CERTIFICATE_HOLDER_MISMATCH@                                                         | false     | 1
            GL_EACH_OCCURRENCE_BELOW_MINIMUM@GL; CERTIFICATE_HOLDER_MISMATCH@                    | true      | 0
            GL_EACH_OCCURRENCE_BELOW_MINIMUM@AUTO; CERTIFICATE_HOLDER_MISMATCH@GL                | false     | 2
            """)
    void overriddenFindingsStayListedButDoNotCount(String overrides, boolean compliant, int outstanding) {
        List<FindingOverride> parsed = overrides.isBlank() ? List.of() : java.util.Arrays.stream(overrides.split(";"))
                .map(String::strip)
                .map(o -> o.split("@", -1))
                .map(o -> new FindingOverride(FindingCode.valueOf(o[0]), o[1].isEmpty() ? null : LineOfCoverage.valueOf(o[1]),
                        "Accepted by the GC in writing.", "reviewer@covenant.test"))
                .toList();
        ComplianceResult result = ComplianceResult.of(findings(), parsed);
        assertThat(result.findings()).hasSize(2);
        assertThat(result.compliant()).isEqualTo(compliant);
        assertThat(result.outstanding()).hasSize(outstanding);
    }

    @Test
    void anOverriddenFindingCarriesTheReasonAndWho() {
        ComplianceResult result = ComplianceResult.of(findings(), List.of(UMBRELLA_COVERS_IT));
        assertThat(result.findings().getFirst()).satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.GL_EACH_OCCURRENCE_BELOW_MINIMUM);
            assertThat(f.overridden()).isTrue();
            assertThat(f.override().reason()).isEqualTo("The $10,000,000 umbrella sits over GL.");
            assertThat(f.override().by()).isEqualTo("reviewer@covenant.test");
        });
        assertThat(result.findings().getLast().overridden()).isFalse();
    }

    @Test
    void anOverrideNeedsAReasonAndAReviewer() {
        assertThatThrownBy(() -> new FindingOverride(FindingCode.POLICY_EXPIRED, LineOfCoverage.GL, " ", "r@x.test"))
                .hasMessage("An override needs a reason");
        assertThatThrownBy(() -> new FindingOverride(FindingCode.POLICY_EXPIRED, LineOfCoverage.GL, "ok", ""))
                .hasMessage("An override needs the reviewer who made it");
    }
}

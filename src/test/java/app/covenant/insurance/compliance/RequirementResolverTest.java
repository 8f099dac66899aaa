package app.covenant.insurance.compliance;

import static app.covenant.insurance.compliance.LimitKey.AUTO_COMBINED_SINGLE_LIMIT;
import static app.covenant.insurance.compliance.LimitKey.GL_EACH_OCCURRENCE;
import static app.covenant.insurance.compliance.LimitKey.GL_GENERAL_AGGREGATE;
import static app.covenant.insurance.compliance.LimitKey.UMBRELLA_EACH_OCCURRENCE;
import static app.covenant.insurance.compliance.LimitKey.WC_EL_EACH_ACCIDENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementResolverTest {

    static final ProgramTier HIGH = new ProgramTier("Tier 1",
            Map.of(GL_EACH_OCCURRENCE, 5_000_000L, UMBRELLA_EACH_OCCURRENCE, 10_000_000L),
            Set.of("Roofing", "Demolition"), false);
    static final ProgramTier MIDDLE = new ProgramTier("Tier 2",
            Map.of(GL_EACH_OCCURRENCE, 2_000_000L, UMBRELLA_EACH_OCCURRENCE, 5_000_000L),
            Set.of("Electrical", "Plumbing"), false);
    static final ProgramTier ALL_OTHER = new ProgramTier("All other trades",
            Map.of(UMBRELLA_EACH_OCCURRENCE, 3_000_000L), Set.of(), true);

    static final ProjectFacts PROJECT = new ProjectFacts("Hudson Yards Builders LLC", "West 34th Street Owner, L.P.",
            List.of("MTA", "hudson yards builders, llc", " "), null, LocalDate.of(2027, 9, 30));

    static InsuranceProgram program(ProgramTier... tiers) {
        return new InsuranceProgram("Standard", Fixtures.DEFAULT_MINIMUMS, true, true, true, true, Set.of("CG 20 10"),
                List.of(tiers));
    }

    @ParameterizedTest(name = "trades [{0}] → {1}: GL {2}, umbrella {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            # trades                   | tier             | GL each occurrence | umbrella each occurrence
            Roofing                    | Tier 1           | 5000000            | 10000000
            electrical                 | Tier 2           | 2000000            | 5000000
            Plumbing; Demolition       | Tier 1           | 5000000            | 10000000
            Electrical; Painting       | Tier 2           | 2000000            | 5000000
            Painting                   | All other trades | 1000000            | 3000000
            null                       | All other trades | 1000000            | 3000000
            """)
    void theSubGetsTheHighestTierOfItsTrades(String trades, String tier, long gl, long umbrella) {
        List<String> tradeList = trades == null ? List.of() : Arrays.stream(trades.split(";")).map(String::strip).toList();
        InsuranceProgram program = program(HIGH, MIDDLE, ALL_OTHER);
        assertThat(RequirementResolver.tierFor(program, tradeList)).map(ProgramTier::name).hasValue(tier);
        Requirement requirement = RequirementResolver.resolve(program, tradeList, PROJECT, ProjectOverrides.NONE);
        assertThat(requirement.minimum(GL_EACH_OCCURRENCE)).isEqualTo(gl);
        assertThat(requirement.minimum(UMBRELLA_EACH_OCCURRENCE)).isEqualTo(umbrella);
        assertThat(requirement.minimum(GL_GENERAL_AGGREGATE)).isEqualTo(2_000_000L);
        assertThat(requirement.minimum(WC_EL_EACH_ACCIDENT)).isEqualTo(1_000_000L);
    }

    @Test
    void anUnknownTradeWithoutAnAllOtherTierKeepsTheProgramsBaseMinimums() {
        InsuranceProgram program = program(HIGH, MIDDLE);
        assertThat(RequirementResolver.tierFor(program, List.of("Painting"))).isEmpty();
        Requirement requirement = RequirementResolver.resolve(program, List.of("Painting"), PROJECT, ProjectOverrides.NONE);
        assertThat(requirement.minimums()).isEqualTo(Fixtures.DEFAULT_MINIMUMS);
    }

    @Test
    void theProjectGivesTheNamesHolderAndEndDate() {
        Requirement requirement = RequirementResolver.resolve(program(), List.of(), PROJECT, ProjectOverrides.NONE);
        assertThat(requirement.additionalInsureds())
                .containsExactly("Hudson Yards Builders LLC", "West 34th Street Owner, L.P.", "MTA");
        assertThat(requirement.certificateHolder()).isEqualTo("Hudson Yards Builders LLC");
        assertThat(requirement.projectEnd()).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(requirement.requiredEndorsements()).containsExactly("CG 20 10");
        ProjectFacts namedHolder = new ProjectFacts("GC LLC", null, List.of(), "GC LLC c/o Owner Rep", null);
        assertThat(RequirementResolver.resolve(program(), List.of(), namedHolder, ProjectOverrides.NONE).certificateHolder())
                .isEqualTo("GC LLC c/o Owner Rep");
    }

    @ParameterizedTest(name = "{0}: override {1} → {2}")
    @CsvSource(textBlock = """
            # key,                       override, resolved
            GL_EACH_OCCURRENCE,          7000000,  7000000
            GL_EACH_OCCURRENCE,          500000,   500000
            AUTO_COMBINED_SINGLE_LIMIT,  0,        0
            UMBRELLA_EACH_OCCURRENCE,    1000000,  1000000
            PROFESSIONAL_LIABILITY,      2000000,  2000000
            """)
    void anOverrideRaisesOrLowersAMinimumOverTheTier(LimitKey key, long override, long resolved) {
        ProjectOverrides overrides = new ProjectOverrides(Map.of(key, override), null, null, null, null);
        Requirement requirement = RequirementResolver.resolve(program(HIGH, MIDDLE, ALL_OTHER), List.of("Roofing"), PROJECT,
                overrides);
        assertThat(requirement.minimum(key)).isEqualTo(resolved);
        if (key == AUTO_COMBINED_SINGLE_LIMIT) {
            assertThat(requirement.requiredLines()).doesNotContain(LineOfCoverage.AUTO);
        }
    }

    @ParameterizedTest(name = "WC statutory {0}, AI {1}, WOS {2}, P&NC {3}")
    @CsvSource(nullValues = "null", textBlock = """
            # statutory, AI,    WOS,   P&NC
            false,       null,  null,  null
            null,        false, null,  null
            null,        null,  false, null
            null,        null,  null,  false
            false,       false, false, false
            null,        null,  null,  null
            """)
    void anOverrideSwitchesAFlagOffOrLeavesIt(Boolean statutory, Boolean ai, Boolean wos, Boolean pnc) {
        ProjectOverrides overrides = new ProjectOverrides(Map.of(), statutory, ai, wos, pnc);
        Requirement requirement = RequirementResolver.resolve(program(), List.of(), PROJECT, overrides);
        assertThat(requirement.wcStatutoryRequired()).isEqualTo(statutory == null || statutory);
        assertThat(requirement.additionalInsuredRequired()).isEqualTo(ai == null || ai);
        assertThat(requirement.waiverOfSubrogationRequired()).isEqualTo(wos == null || wos);
        assertThat(requirement.primaryNonContributoryRequired()).isEqualTo(pnc == null || pnc);
    }

    @Test
    void anOverrideSwitchesAFlagOn() {
        InsuranceProgram lenient = new InsuranceProgram("Lenient", Fixtures.DEFAULT_MINIMUMS, false, false, false, false,
                Set.of(), List.of());
        Requirement requirement = RequirementResolver.resolve(lenient, List.of(), PROJECT,
                new ProjectOverrides(Map.of(), true, true, true, true));
        assertThat(requirement.wcStatutoryRequired()).isTrue();
        assertThat(requirement.additionalInsuredRequired()).isTrue();
        assertThat(requirement.waiverOfSubrogationRequired()).isTrue();
        assertThat(requirement.primaryNonContributoryRequired()).isTrue();
    }

    @Test
    void aTradeInTwoTiersIsRejectedNamingTheTrade() {
        ProgramTier alsoRoofing = new ProgramTier("Tier 2", Map.of(GL_EACH_OCCURRENCE, 2_000_000L),
                Set.of(" ROOFING ", "Glazing"), false);
        assertThatThrownBy(() -> program(HIGH, alsoRoofing))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("The trade \"ROOFING\" is in tier \"Tier 1\" and in tier \"Tier 2\"; a trade belongs to one tier only.");
    }

    @Test
    void everyProblemIsListedForTheBuilder() {
        ProgramTier secondAllOther = new ProgramTier("Catch-all", Map.of(AUTO_COMBINED_SINGLE_LIMIT, 5_000_000L,
                GL_EACH_OCCURRENCE, -1L), Set.of("Demolition"), true);
        assertThat(InsuranceProgram.problems(Map.of(WC_EL_EACH_ACCIDENT, -5L), List.of(HIGH, ALL_OTHER, secondAllOther)))
                .containsExactlyInAnyOrder(
                        "The minimum for employers' liability each accident must not be negative.",
                        "Tier \"Catch-all\" may set only general liability and umbrella minimums, not automobile liability combined single limit.",
                        "Tier \"Catch-all\": the minimum for general liability each occurrence must not be negative.",
                        "Only one tier may be \"all other trades\"; \"All other trades\" and \"Catch-all\" both are.",
                        "The trade \"Demolition\" is in tier \"Tier 1\" and in tier \"Catch-all\"; a trade belongs to one tier only.");
        assertThat(InsuranceProgram.problems(Fixtures.DEFAULT_MINIMUMS, List.of(HIGH, MIDDLE, ALL_OTHER))).isEmpty();
    }

    @Test
    void theResolvedRequirementFeedsTheEngine() {
        Requirement requirement = RequirementResolver.resolve(program(HIGH, MIDDLE, ALL_OTHER), List.of("Roofing"),
                new ProjectFacts(Fixtures.GC, Fixtures.OWNER, List.of(), null, Fixtures.PROJECT_END), ProjectOverrides.NONE);
        CertificateSnapshot certificate = new CertificateSnapshot(Fixtures.GC, Fixtures.certificate().policies(),
                Set.of("CG 20 10"));
        assertThat(Fixtures.codes(ComplianceEngine.evaluate(requirement, certificate, Fixtures.AS_OF))).containsExactly(
                FindingCode.GL_EACH_OCCURRENCE_BELOW_MINIMUM, FindingCode.UMBRELLA_EACH_OCCURRENCE_BELOW_MINIMUM);
    }
}

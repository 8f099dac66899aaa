package app.covenant.insurance.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.insurance.CoiStatus;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * {@code allowedActions} skips the actions a state never allows before asking {@link CoiRules#check}: the shortcut
 * must never hide an action the check would allow, for the most entitled caller there is (staff, sub, GC and broker
 * of every line at once, holding every permission).
 */
class CoiRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @ParameterizedTest
    @EnumSource(CoiStatus.class)
    void theShortcutAllowsExactlyWhatTheCheckAllows(CoiStatus status) {
        Caller everything = new Caller(UUID.randomUUID(), "all@example.com", "All", UUID.randomUUID(), Set.of("ADMIN"),
                Set.of("insurance:all", "coi:broker-info", "coi:upload", "coi:attest", "coi:review", "coi:request"), null);
        CoiRules.Relation all = new CoiRules.Relation(everything, true, true, true, Set.of("GLOBAL", "GL", "AUTO",
                "UMBRELLA", "WC"));
        Coi coi = new Coi(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, null, null,
                Instant.parse("2026-01-01T00:00:00Z"));
        ReflectionTestUtils.setField(coi, "status", status);
        // Renewable when active: its first policy expires within 30 days.
        ReflectionTestUtils.setField(coi, "earliestExpiration", TODAY.plusDays(10));

        Set<CoiAction> checked = EnumSet.noneOf(CoiAction.class);
        for (CoiAction action : CoiAction.values()) {
            try {
                CoiRules.check(action, coi, all, TODAY);
                checked.add(action);
            } catch (ProblemException refused) {
                // not in this state
            }
        }

        assertThat(CoiRules.allowed(coi, all, TODAY)).isEqualTo(checked).isNotEmpty();
    }
}

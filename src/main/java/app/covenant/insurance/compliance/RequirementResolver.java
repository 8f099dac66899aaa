package app.covenant.insurance.compliance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a program, a sub's trades on a project, the project and its overrides into the {@link Requirement}
 * the engine checks: base minimums, then the sub's tier, then the project's overrides.
 *
 * <p>The tier: the tiers listing one of the sub's trades, and the "all other trades" tier for a trade no tier
 * lists (or when no trade is given); of those, the highest (first in the program's order). With no such tier,
 * the program's base minimums apply.
 */
public final class RequirementResolver {

    private RequirementResolver() {
    }

    public static Optional<ProgramTier> tierFor(InsuranceProgram program, Collection<String> trades) {
        List<ProgramTier> tiers = program.tiers();
        Optional<ProgramTier> allOther = tiers.stream().filter(ProgramTier::allOtherTrades).findFirst();
        List<ProgramTier> matched = new ArrayList<>();
        if (trades.isEmpty()) {
            allOther.ifPresent(matched::add);
        }
        for (String trade : trades) {
            Optional<ProgramTier> listed = tiers.stream().filter(tier -> tier.lists(trade)).findFirst();
            listed.or(() -> allOther).ifPresent(matched::add);
        }
        return tiers.stream().filter(matched::contains).findFirst();
    }

    public static Requirement resolve(InsuranceProgram program, Collection<String> trades, ProjectFacts project,
            ProjectOverrides overrides) {
        Map<LimitKey, Long> minimums = new EnumMap<>(LimitKey.class);
        minimums.putAll(program.minimums());
        tierFor(program, trades).ifPresent(tier -> minimums.putAll(tier.minimums()));
        minimums.putAll(overrides.minimums());
        String holder = project.certificateHolder() == null || project.certificateHolder().isBlank()
                ? project.gcName()
                : project.certificateHolder();
        return new Requirement(
                minimums,
                flag(overrides.wcStatutoryRequired(), program.wcStatutoryRequired()),
                flag(overrides.additionalInsuredRequired(), program.additionalInsuredRequired()),
                additionalInsureds(project),
                flag(overrides.waiverOfSubrogationRequired(), program.waiverOfSubrogationRequired()),
                flag(overrides.primaryNonContributoryRequired(), program.primaryNonContributoryRequired()),
                holder,
                program.requiredEndorsements(),
                project.endDate());
    }

    private static boolean flag(Boolean override, boolean program) {
        return override != null ? override : program;
    }

    /** The GC, the owner entity, then the project's additional insureds; blanks and repeats left out. */
    static List<String> additionalInsureds(ProjectFacts project) {
        List<String> names = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        candidates.add(project.gcName());
        candidates.add(project.ownerEntity());
        candidates.addAll(project.additionalInsureds());
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank() && names.stream().noneMatch(n -> Names.same(n, candidate))) {
                names.add(candidate.strip());
            }
        }
        return names;
    }
}

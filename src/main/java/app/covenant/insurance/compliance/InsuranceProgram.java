package app.covenant.insurance.compliance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A reusable set of requirements: base minimums and flags, and tiers by trade ordered from the highest
 * (first) to the lowest (last). Built only valid: see {@link #problems}.
 *
 * @param minimums the base minimums by canonical key, whole dollars (absent or zero: not required)
 * @param requiredEndorsements endorsement kinds every certificate under the program must include
 */
public record InsuranceProgram(
        String name,
        Map<LimitKey, Long> minimums,
        boolean wcStatutoryRequired,
        boolean additionalInsuredRequired,
        boolean waiverOfSubrogationRequired,
        boolean primaryNonContributoryRequired,
        Set<String> requiredEndorsements,
        List<ProgramTier> tiers) {

    public InsuranceProgram {
        EnumMap<LimitKey, Long> copy = new EnumMap<>(LimitKey.class);
        copy.putAll(minimums);
        minimums = Collections.unmodifiableMap(copy);
        requiredEndorsements = Set.copyOf(requiredEndorsements);
        tiers = List.copyOf(tiers);
        List<String> problems = problems(minimums, tiers);
        if (!problems.isEmpty()) {
            throw new InvalidProgramException(problems);
        }
    }

    /**
     * What is wrong with these minimums and tiers, one sentence each, empty when valid (the program builder
     * shows them as the user types): no negative minimum; a tier sets only GL and umbrella minimums; a trade
     * belongs to at most one tier (case and spacing aside); at most one tier is "all other trades".
     */
    public static List<String> problems(Map<LimitKey, Long> minimums, List<ProgramTier> tiers) {
        List<String> problems = new ArrayList<>();
        minimums.forEach((key, value) -> {
            if (value < 0) {
                problems.add("The minimum for " + key.label().toLowerCase(Locale.ROOT) + " must not be negative.");
            }
        });
        Map<String, String> tierOfTrade = new LinkedHashMap<>();
        String allOther = null;
        for (ProgramTier tier : tiers) {
            tier.minimums().forEach((key, value) -> {
                if (key.line() != LineOfCoverage.GL && key.line() != LineOfCoverage.UMBRELLA) {
                    problems.add("Tier \"" + tier.name() + "\" may set only general liability and umbrella minimums, not "
                            + key.label().toLowerCase(Locale.ROOT) + ".");
                } else if (value < 0) {
                    problems.add("Tier \"" + tier.name() + "\": the minimum for "
                            + key.label().toLowerCase(Locale.ROOT) + " must not be negative.");
                }
            });
            if (tier.allOtherTrades()) {
                if (allOther != null) {
                    problems.add("Only one tier may be \"all other trades\"; \"" + allOther + "\" and \"" + tier.name()
                            + "\" both are.");
                } else {
                    allOther = tier.name();
                }
            }
            for (String trade : tier.trades().stream().sorted().toList()) {
                String earlier = tierOfTrade.putIfAbsent(Trades.key(trade), tier.name());
                if (earlier != null) {
                    problems.add("The trade \"" + trade.strip() + "\" is in tier \"" + earlier + "\" and in tier \""
                            + tier.name() + "\"; a trade belongs to one tier only.");
                }
            }
        }
        return problems;
    }
}

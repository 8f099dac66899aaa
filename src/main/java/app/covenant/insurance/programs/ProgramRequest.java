package app.covenant.insurance.programs;

import app.covenant.insurance.access.AgreementPlaceholders;
import app.covenant.insurance.compliance.InsuranceProgram;
import app.covenant.insurance.compliance.LimitKey;
import app.covenant.insurance.compliance.ProgramTier;
import app.covenant.insurance.web.FieldCheck;
import app.covenant.shared.problem.ProblemException.FieldError;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A program as the builder sends it (create, update and the as-you-type validation): base minimums by
 * {@link LimitKey} in whole dollars (absent or null: not required), flags, endorsements and ordered tiers.
 */
public record ProgramRequest(String name, String description, Boolean isDefault, Map<LimitKey, Long> minimums,
                             Boolean wcStatutoryRequired, Boolean additionalInsuredRequired, Boolean aiNameGc,
                             Boolean aiNameOwner, Boolean aiNameProjectInsureds, Boolean waiverOfSubrogationRequired,
                             Boolean primaryNonContributoryRequired, Boolean holdHarmlessRequired,
                             String holdHarmlessTemplate, String minimumCarrierRating, List<String> requiredEndorsements,
                             List<Tier> tiers) {

    /** AM Best financial strength ratings, best first. */
    public static final List<String> CARRIER_RATINGS = List.of("A++", "A+", "A", "A-", "B++", "B+", "B", "B-", "C++",
            "C+", "C", "C-", "D", "E", "F");

    private static final Pattern ENDORSEMENT = Pattern.compile("[^,]{1,60}");

    /** A tier: GL and umbrella minimums only, for its trades or for all other trades. */
    public record Tier(String name, Map<LimitKey, Long> minimums, List<String> trades, Boolean allOtherTrades) {

        boolean allOther() {
            return Boolean.TRUE.equals(allOtherTrades);
        }
    }

    /** A flag left out of the body is off, except whom an additional-insured endorsement names (all by default). */
    static boolean on(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    public Map<LimitKey, Long> minimumsOrNone() {
        return present(minimums);
    }

    public List<Tier> tiersOrNone() {
        return tiers == null ? List.of() : tiers.stream().filter(Objects::nonNull).toList();
    }

    public List<String> endorsements() {
        if (requiredEndorsements == null) {
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        requiredEndorsements.stream().filter(Objects::nonNull).map(e -> e.strip().replaceAll("\\s+", " "))
                .filter(e -> !e.isEmpty()).forEach(unique::add);
        return List.copyOf(unique);
    }

    /** Every problem, each naming its field ({@code name}, {@code minimums}, {@code tiers}, …); empty when valid. */
    public List<FieldError> problems() {
        FieldCheck check = new FieldCheck();
        check.required("name", name, 200);
        check.optional("description", description, 2000);
        check.optional("holdHarmlessTemplate", holdHarmlessTemplate, 20000);
        // Refused now rather than at the agreement's generation (a certificate's approval, much later).
        AgreementPlaceholders.firstUnknown(holdHarmlessTemplate).ifPresent(unknown ->
                check.add("holdHarmlessTemplate", AgreementPlaceholders.unknownMessage(unknown)));
        // A program requiring the agreement without a template of its own uses the organization's default template
        // (module holdharmless), so none is required here.
        if (minimumCarrierRating != null && !minimumCarrierRating.isBlank()
                && !CARRIER_RATINGS.contains(minimumCarrierRating.strip().toUpperCase(java.util.Locale.ROOT))) {
            check.add("minimumCarrierRating", "Choose an AM Best rating such as A- (or none).");
        }
        List<String> endorsements = endorsements();
        if (endorsements.stream().anyMatch(e -> !ENDORSEMENT.matcher(e).matches())
                || String.join(",", endorsements).length() > 500) {
            check.add("requiredEndorsements", "Name each endorsement (like CG 20 10) without commas; 500 characters in all.");
        }
        InsuranceProgram.problems(minimumsOrNone(), List.of()).forEach(p -> check.add("minimums", p));
        List<Tier> tierList = tiersOrNone();
        Set<String> tierNames = new HashSet<>();
        for (int i = 0; i < tierList.size(); i++) {
            Tier tier = tierList.get(i);
            if (tier.name() == null || tier.name().isBlank()) {
                check.add("tiers[" + i + "].name", "Name tier " + (i + 1) + ".");
            } else if (tier.name().strip().length() > 100) {
                check.add("tiers[" + i + "].name", "Keep tier names to 100 characters.");
            } else if (!tierNames.add(tier.name().strip().toLowerCase(java.util.Locale.ROOT))) {
                check.add("tiers[" + i + "].name", "Two tiers are named \"" + tier.name().strip() + "\".");
            }
            check.trades("tiers[" + i + "].trades", tier.trades());
        }
        InsuranceProgram.problems(Map.of(), programTiers()).forEach(p -> check.add("tiers", p));
        return check.errors();
    }

    List<ProgramTier> programTiers() {
        return tiersOrNone().stream().map(t -> new ProgramTier(t.name(), present(t.minimums()),
                t.trades() == null ? Set.of() : new LinkedHashSet<>(t.trades().stream().filter(Objects::nonNull)
                        .filter(s -> !s.isBlank()).toList()), t.allOther())).toList();
    }

    String carrierRating() {
        return minimumCarrierRating == null || minimumCarrierRating.isBlank() ? null
                : minimumCarrierRating.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static Map<LimitKey, Long> present(Map<LimitKey, Long> minimums) {
        EnumMap<LimitKey, Long> present = new EnumMap<>(LimitKey.class);
        if (minimums != null) {
            minimums.forEach((key, value) -> {
                if (key != null && value != null) {
                    present.put(key, value);
                }
            });
        }
        return present;
    }
}

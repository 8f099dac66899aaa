package app.covenant.insurance.programs.web;

import app.covenant.insurance.compliance.LimitKey;
import app.covenant.insurance.programs.ProgramRequest;
import app.covenant.insurance.web.FieldCheck;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The program builder's form as posted — {@code minimums.<KEY>}, flags, {@code tiers[i].name},
 * {@code tiers[i].trades} (comma list), {@code tiers[i].allOtherTrades}, {@code tiers[i].<KEY>} — read into
 * the API's {@link ProgramRequest}; amounts may be typed as "$1,000,000". Blank tier rows are left out.
 */
final class ProgramForm {

    static final List<LimitKey> TIER_KEYS = List.of(LimitKey.GL_EACH_OCCURRENCE, LimitKey.GL_GENERAL_AGGREGATE,
            LimitKey.GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE, LimitKey.UMBRELLA_EACH_OCCURRENCE,
            LimitKey.UMBRELLA_AGGREGATE);

    private ProgramForm() {
    }

    static ProgramRequest read(MultiValueMap<String, String> form) {
        FieldCheck check = new FieldCheck();
        Map<LimitKey, Long> minimums = new EnumMap<>(LimitKey.class);
        for (LimitKey key : LimitKey.values()) {
            Long amount = amount(check, "minimums", form.getFirst("minimums." + key.name()));
            if (amount != null) {
                minimums.put(key, amount);
            }
        }
        List<ProgramRequest.Tier> tiers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String prefix = "tiers[" + i + "].";
            if (form.keySet().stream().noneMatch(k -> k.startsWith(prefix))) {
                continue;
            }
            Map<LimitKey, Long> tierMinimums = new EnumMap<>(LimitKey.class);
            for (LimitKey key : TIER_KEYS) {
                Long amount = amount(check, "tiers", form.getFirst(prefix + key.name()));
                if (amount != null) {
                    tierMinimums.put(key, amount);
                }
            }
            String name = form.getFirst(prefix + "name");
            List<String> trades = FieldCheck.commaList(form.getFirst(prefix + "trades"));
            boolean allOther = form.containsKey(prefix + "allOtherTrades");
            if ((name == null || name.isBlank()) && trades.isEmpty() && tierMinimums.isEmpty() && !allOther) {
                continue;
            }
            tiers.add(new ProgramRequest.Tier(name, tierMinimums, trades, allOther));
        }
        check.throwIfAny();
        return new ProgramRequest(form.getFirst("name"), form.getFirst("description"), form.containsKey("isDefault"),
                minimums, flag(form, "wcStatutoryRequired"), flag(form, "additionalInsuredRequired"),
                flag(form, "aiNameGc"), flag(form, "aiNameOwner"), flag(form, "aiNameProjectInsureds"),
                flag(form, "waiverOfSubrogationRequired"), flag(form, "primaryNonContributoryRequired"),
                flag(form, "holdHarmlessRequired"), form.getFirst("holdHarmlessTemplate"),
                form.getFirst("minimumCarrierRating"), FieldCheck.commaList(form.getFirst("requiredEndorsements")), tiers);
    }

    private static boolean flag(MultiValueMap<String, String> form, String name) {
        return form.containsKey(name);
    }

    private static Long amount(FieldCheck check, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.replaceAll("[$,\\s]", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            check.add(field, "Enter whole dollars, like 1,000,000 (\"" + text.strip() + "\" is not).");
            return null;
        }
    }
}

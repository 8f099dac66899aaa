package app.covenant.insurance.certificates;

import app.covenant.insurance.compliance.LimitKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical limit keys of API.md per line of coverage (what a policy row may carry) and the compliance
 * engine's {@link LimitKey} each maps to. Keys without an engine counterpart (medical expense, retention…) are
 * stored and shown but not judged.
 */
public final class PolicyLimits {

    public static final List<String> LINES = List.of("GL", "AUTO", "UMBRELLA", "WC", "OTHER");

    private static final Map<String, Map<String, LimitKey>> KEYS = Map.of(
            "GL", ordered(
                    "EACH_OCCURRENCE", LimitKey.GL_EACH_OCCURRENCE,
                    "DAMAGE_TO_RENTED_PREMISES", null,
                    "MED_EXP", null,
                    "PERSONAL_ADV_INJURY", null,
                    "GENERAL_AGGREGATE", LimitKey.GL_GENERAL_AGGREGATE,
                    "PRODUCTS_COMP_OP_AGG", LimitKey.GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE),
            "AUTO", ordered(
                    "COMBINED_SINGLE_LIMIT", LimitKey.AUTO_COMBINED_SINGLE_LIMIT,
                    "BODILY_INJURY_PER_PERSON", null,
                    "BODILY_INJURY_PER_ACCIDENT", null,
                    "PROPERTY_DAMAGE", null),
            "UMBRELLA", ordered(
                    "EACH_OCCURRENCE", LimitKey.UMBRELLA_EACH_OCCURRENCE,
                    "AGGREGATE", LimitKey.UMBRELLA_AGGREGATE,
                    "RETENTION", null),
            "WC", ordered(
                    "EL_EACH_ACCIDENT", LimitKey.WC_EL_EACH_ACCIDENT,
                    "EL_DISEASE_EA_EMPLOYEE", LimitKey.WC_EL_DISEASE_EACH_EMPLOYEE,
                    "EL_DISEASE_POLICY_LIMIT", LimitKey.WC_EL_DISEASE_POLICY_LIMIT),
            "OTHER", ordered());

    private PolicyLimits() {
    }

    static boolean knows(String line, String key) {
        return KEYS.getOrDefault(line, Map.of()).containsKey(key);
    }

    /** The keys a line accepts, in the order of API.md. */
    public static List<String> keysOf(String line) {
        return List.copyOf(KEYS.getOrDefault(line, Map.of()).keySet());
    }

    /** The engine's key for a canonical key of a line, when the engine judges it. */
    static Optional<LimitKey> engineKey(String line, String key) {
        return Optional.ofNullable(KEYS.getOrDefault(line, Map.of()).get(key));
    }

    private static Map<String, LimitKey> ordered(Object... pairs) {
        Map<String, LimitKey> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (LimitKey) pairs[i + 1]);
        }
        return map;
    }
}

package app.covenant.insurance.access;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a hold-harmless agreement template may use ({@code {{PROJECT_NAME}}}, …), published here because
 * both modules need them and only one direction of dependency is allowed: insurance stores a program's template
 * ({@code hold_harmless_template}) and refuses, on save, one naming a placeholder that does not exist; holdharmless
 * (which depends on insurance, never the reverse) fills them with {@link #NAMES} as its list. What each placeholder
 * prints is holdharmless's business (its {@code AgreementTemplates}).
 */
public final class AgreementPlaceholders {

    /** Every placeholder a template may use, in the order the editors list them. */
    public static final List<String> NAMES = List.of("PROJECT_NAME", "PROJECT_ADDRESS", "GC_NAME", "GC_EMAIL",
            "OWNER_ENTITY", "ADDITIONAL_INSUREDS", "SUB_NAME", "SUB_EMAIL", "EFFECTIVE_DATE", "EXPIRATION_DATE",
            "SUB_SIGNATURE", "GC_SIGNATURE");

    /** A placeholder as templates write it: {@code {{NAME}}}, blanks inside the braces allowed. */
    public static final Pattern PATTERN = Pattern.compile("\\{\\{\\s*([^{}]{0,80}?)\\s*}}");

    private AgreementPlaceholders() {
    }

    /** The first placeholder of {@code template} that is not one of {@link #NAMES}; empty when all are known. */
    public static Optional<String> firstUnknown(String template) {
        if (template == null) {
            return Optional.empty();
        }
        Matcher matcher = PATTERN.matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1).strip();
            if (!NAMES.contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The sentence naming an unknown placeholder and the known ones (the same in both modules). */
    public static String unknownMessage(String name) {
        return "The agreement template uses the unknown placeholder {{" + name + "}}; known placeholders: "
                + String.join(", ", NAMES.stream().map(p -> "{{" + p + "}}").toList()) + ".";
    }
}

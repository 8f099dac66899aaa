package app.covenant.contracts.templates.internal;

import app.covenant.contracts.templates.Annexure;
import app.covenant.contracts.templates.TemplateVariable;
import app.covenant.contracts.templates.VariableType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{KEY}}} placeholders of a template's text (KEY in UPPER_SNAKE; spaces inside the braces are
 * tolerated, as people type them) and their merge with the variable definitions: every placeholder becomes a
 * variable, defined or not; a definition whose placeholder is gone from the text is dropped.
 */
public final class Placeholders {

    /** A placeholder; group 1 is its key. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\\s*}}");
    /** A variable key as a definition names it. */
    public static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");

    private Placeholders() {
    }

    /** The keys of body then annexures, each once, in order of first appearance. */
    public static List<String> keys(String bodyHtml, List<Annexure> annexures) {
        Set<String> keys = new LinkedHashSet<>();
        collect(bodyHtml, keys);
        annexures.forEach(annexure -> collect(annexure.html(), keys));
        return List.copyOf(keys);
    }

    /** The variables of the text: its definition for each key that has one, a required text variable otherwise. */
    public static List<TemplateVariable> merge(List<String> keys, List<TemplateVariable> definitions) {
        Map<String, TemplateVariable> byKey = new LinkedHashMap<>();
        definitions.forEach(definition -> byKey.putIfAbsent(definition.key(), definition));
        List<TemplateVariable> merged = new ArrayList<>(keys.size());
        for (String key : keys) {
            TemplateVariable defined = byKey.get(key);
            merged.add(defined != null ? defined
                    : new TemplateVariable(key, label(key), VariableType.TEXT, true, null, List.of()));
        }
        return merged;
    }

    /** {@code CLIENT_NAME} → "Client name". */
    public static String label(String key) {
        String words = key.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The text with every placeholder replaced by what {@code replacement} gives for its key (used verbatim). */
    public static String replace(String html, Function<String, String> replacement) {
        Matcher matcher = PLACEHOLDER.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 64);
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void collect(String html, Set<String> keys) {
        if (html == null) {
            return;
        }
        Matcher matcher = PLACEHOLDER.matcher(html);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
    }
}

package app.covenant.insurance.web;

import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.problem.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Collects every problem of a request body before answering {@code 400} once with all of them (so a form
 * shows each wrong field at a time). Strings come back stripped, blank ones as {@code null}, e-mail
 * addresses lower-cased (the schema stores them so).
 */
public final class FieldCheck {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final List<FieldError> errors = new ArrayList<>();

    public String required(String field, String value, int maxLength) {
        String stripped = optional(field, value, maxLength);
        if (stripped == null) {
            add(field, "Enter a value.");
        }
        return stripped;
    }

    public String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            add(field, "Keep it to " + maxLength + " characters.");
        }
        return stripped;
    }

    public String email(String field, String value) {
        String stripped = optional(field, value, 254);
        if (stripped != null && !EMAIL.matcher(stripped).matches()) {
            add(field, "Enter an e-mail address like name@example.com.");
        }
        return stripped == null ? null : stripped.toLowerCase(Locale.ROOT);
    }

    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            add(field, "Choose one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ".");
            return null;
        }
    }

    /** Trades as entered, stripped, without blanks; each at most 100 characters. */
    public List<String> trades(String field, List<String> trades) {
        if (trades == null) {
            return List.of();
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (String trade : trades) {
            if (trade == null || trade.isBlank()) {
                continue;
            }
            String stripped = trade.strip().replaceAll("\\s+", " ");
            if (stripped.length() > 100) {
                add(field, "Keep each trade to 100 characters.");
            }
            unique.putIfAbsent(stripped.toLowerCase(Locale.ROOT), stripped);
        }
        return List.copyOf(unique.values());
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(errors));
        }
    }

    /** "roofing, demolition" (a form's comma list) as trades. */
    public static List<String> commaList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

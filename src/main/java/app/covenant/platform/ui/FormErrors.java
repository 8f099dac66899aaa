package app.covenant.platform.ui;

import app.covenant.shared.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.BindingResult;

/**
 * What a re-rendered form shows: the failure's message above the form, each field's own message beside
 * that field. Templates read it as {@code ${errors}} (always present, empty unless a post failed — see
 * {@link PageModelAdvice}) through the fragments {@code form-error} and {@code field-error(field, id)} of
 * {@code fragments/components}. A controller that refuses a post puts its own {@code FormErrors} in the model.
 */
public record FormErrors(String message, Map<String, String> fields) {

    private static final String CHECK_FIELDS = "Some fields need your attention.";

    public FormErrors {
        fields = Map.copyOf(fields);
    }

    public static FormErrors none() {
        return new FormErrors(null, Map.of());
    }

    public static FormErrors of(ProblemException problem) {
        Map<String, String> byField = new LinkedHashMap<>();
        problem.errors().forEach(error -> byField.putIfAbsent(error.field(), sentence(error.message())));
        // The API's "The request has invalid fields." says less than the messages beside the fields.
        boolean generic = !byField.isEmpty() && "The request has invalid fields.".equals(problem.getMessage());
        return new FormErrors(generic ? CHECK_FIELDS : problem.getMessage(), byField);
    }

    public static FormErrors of(BindingResult binding) {
        Map<String, String> byField = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> byField.putIfAbsent(error.getField(), sentence(error.getDefaultMessage())));
        return new FormErrors(CHECK_FIELDS, byField);
    }

    public static FormErrors field(String field, String message) {
        return new FormErrors(CHECK_FIELDS, Map.of(field, sentence(message)));
    }

    /** A message above the form, beside no field (a refusal that is about the whole record). */
    public static FormErrors general(String message) {
        return new FormErrors(message, Map.of());
    }

    /** One sentence for places without fields (a table row): the field's own message when there is one. */
    public static String summary(ProblemException problem) {
        FormErrors errors = of(problem);
        return errors.message.equals(CHECK_FIELDS) ? errors.fields.values().iterator().next() : errors.message;
    }

    public boolean any() {
        return message != null || !fields.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String get(String field) {
        return fields.get(field);
    }

    /** Service messages read "must be at least 10 characters"; beside a field they start a sentence. */
    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "Check this value.";
        }
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}

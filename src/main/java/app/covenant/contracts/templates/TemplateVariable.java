package app.covenant.contracts.templates;

import java.util.List;

/**
 * A variable of a template: key in UPPER_SNAKE, as written in {@code {{KEY}}}.
 *
 * @param defaultValue used when a contract gives no value; {@code null} for none
 * @param choices      the allowed values of a {@link VariableType#CHOICE}; empty otherwise
 */
public record TemplateVariable(String key, String label, VariableType type, boolean required, String defaultValue,
                               List<String> choices) {

    public TemplateVariable {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}

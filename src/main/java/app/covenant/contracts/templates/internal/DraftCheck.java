package app.covenant.contracts.templates.internal;

import app.covenant.contracts.RichText;
import app.covenant.contracts.templates.Annexure;
import app.covenant.contracts.templates.TemplateDraft;
import app.covenant.contracts.templates.TemplateVariable;
import app.covenant.contracts.templates.VariableType;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.problem.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A draft made ready to store: HTML through {@link RichText#clean}, plain fields trimmed, everything checked (all
 * errors at once, each naming its field), the variables derived from the text and merged with the definitions.
 */
public final class DraftCheck {

    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,59}");
    static final int HTML_MAX = 500_000;
    static final int ANNEXURES_MAX = 20;
    static final int VARIABLES_MAX = 200;
    static final int CHOICES_MAX = 50;

    private DraftCheck() {
    }

    /** The draft's parts as they are stored. */
    public record Prepared(String code, String name, String description, String bodyHtml, List<Annexure> annexures,
                           List<TemplateVariable> variables) {
    }

    /** {@code checkCode}: a new template must name a code; an edit may leave it out. */
    public static Prepared prepare(TemplateDraft draft, boolean checkCode) {
        List<FieldError> errors = new ArrayList<>();
        String code = draft.code() == null ? null : draft.code().strip().toUpperCase(Locale.ROOT);
        if (checkCode && (code == null || !CODE.matcher(code).matches())) {
            errors.add(new FieldError("code", "must be 2 to 60 letters, digits, '-' or '_', like MUTUAL-NDA"));
        }
        String name = plain(draft.name());
        if (name == null) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        if (draft.category() == null) {
            errors.add(new FieldError("category", "is required"));
        }
        String description = plain(draft.description());
        if (description != null && description.length() > 2000) {
            errors.add(new FieldError("description", "must be at most 2000 characters"));
        }
        String body = RichText.clean(draft.bodyHtml());
        if (RichText.text(body).isBlank()) {
            errors.add(new FieldError("bodyHtml", "is required"));
        } else if (body.length() > HTML_MAX) {
            errors.add(new FieldError("bodyHtml", "is too long"));
        }
        List<Annexure> annexures = annexures(draft.annexures(), errors);
        List<TemplateVariable> definitions = definitions(draft.variables(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<TemplateVariable> variables = Placeholders.merge(Placeholders.keys(body, annexures), definitions);
        if (variables.size() > VARIABLES_MAX) {
            throw ProblemException.invalid("variables", "a template may have at most " + VARIABLES_MAX + " variables");
        }
        return new Prepared(code, name, description, body, annexures, variables);
    }

    private static List<Annexure> annexures(List<Annexure> given, List<FieldError> errors) {
        if (given.size() > ANNEXURES_MAX) {
            errors.add(new FieldError("annexures", "at most " + ANNEXURES_MAX + " annexures"));
            return List.of();
        }
        List<Annexure> annexures = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Annexure annexure = given.get(i);
            String field = "annexures[" + i + "]";
            String title = annexure == null ? null : plain(annexure.title());
            String html = annexure == null ? "" : RichText.clean(annexure.html());
            if (title == null) {
                errors.add(new FieldError(field + ".title", "is required"));
            } else if (title.length() > 200) {
                errors.add(new FieldError(field + ".title", "must be at most 200 characters"));
            }
            if (RichText.text(html).isBlank()) {
                errors.add(new FieldError(field + ".html", "is required"));
            } else if (html.length() > HTML_MAX) {
                errors.add(new FieldError(field + ".html", "is too long"));
            }
            annexures.add(new Annexure(title, html));
        }
        return annexures;
    }

    private static List<TemplateVariable> definitions(List<TemplateVariable> given, List<FieldError> errors) {
        if (given.size() > VARIABLES_MAX) {
            errors.add(new FieldError("variables", "at most " + VARIABLES_MAX + " variables"));
            return List.of();
        }
        List<TemplateVariable> definitions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            TemplateVariable variable = given.get(i);
            String field = "variables[" + i + "]";
            if (variable == null) {
                continue;
            }
            String key = variable.key() == null ? "" : variable.key().strip();
            if (!Placeholders.KEY.matcher(key).matches() || key.length() > 60) {
                errors.add(new FieldError(field + ".key", "must be UPPER_SNAKE, like CLIENT_NAME"));
                continue;
            }
            if (!seen.add(key)) {
                errors.add(new FieldError(field + ".key", key + " is defined twice"));
                continue;
            }
            String label = plain(variable.label());
            if (label == null) {
                label = Placeholders.label(key);
            } else if (label.length() > 200) {
                errors.add(new FieldError(field + ".label", "must be at most 200 characters"));
            }
            VariableType type = variable.type() == null ? VariableType.TEXT : variable.type();
            List<String> choices = choices(variable.choices(), type, field, errors);
            String defaultValue = variable.defaultValue() == null || variable.defaultValue().isBlank() ? null
                    : variable.defaultValue().strip();
            TemplateVariable defined = new TemplateVariable(key, label, type, variable.required(), null, choices);
            if (defaultValue != null) {
                VariableValues.Checked checked = VariableValues.check(defined, defaultValue);
                if (checked.error() != null) {
                    errors.add(new FieldError(field + ".defaultValue", checked.error()));
                } else {
                    defaultValue = checked.value();
                }
            }
            definitions.add(new TemplateVariable(key, label, type, variable.required(), defaultValue, choices));
        }
        return definitions;
    }

    private static List<String> choices(List<String> given, VariableType type, String field, List<FieldError> errors) {
        List<String> choices = given.stream().map(DraftCheck::plain).filter(choice -> choice != null).distinct()
                .toList();
        if (type != VariableType.CHOICE) {
            return List.of();
        }
        if (choices.isEmpty()) {
            errors.add(new FieldError(field + ".choices", "must list at least one option"));
        } else if (choices.size() > CHOICES_MAX || choices.stream().anyMatch(c -> c.length() > 200 || c.contains("\n"))) {
            errors.add(new FieldError(field + ".choices", "at most " + CHOICES_MAX
                    + " options of one line and 200 characters each"));
        }
        return choices;
    }

    /** Trimmed plain text, {@code null} when blank. */
    static String plain(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

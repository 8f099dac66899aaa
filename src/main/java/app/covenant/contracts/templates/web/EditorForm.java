package app.covenant.contracts.templates.web;

import app.covenant.contracts.templates.Annexure;
import app.covenant.contracts.templates.TemplateCategory;
import app.covenant.contracts.templates.TemplateDraft;
import app.covenant.contracts.templates.TemplateVariable;
import app.covenant.contracts.templates.TemplateView;
import app.covenant.contracts.templates.VariableType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template editor's form as posted: plain fields, the body and each annexure (HTML from the rich-text areas,
 * in page order), and the variable panel's rows (parallel lists, one entry per row; {@code required} is a select,
 * not a checkbox, so the lists stay aligned) with a sample value each for the preview.
 */
record EditorForm(String code, String name, String category, String description, String bodyHtml,
                  List<Annexure> annexures, List<Row> variables) {

    /** One row of the variable panel. */
    record Row(String key, String label, VariableType type, boolean required, String defaultValue, String choices,
               String sample) {

        static Row of(TemplateVariable variable, String sample) {
            return new Row(variable.key(), variable.label(), variable.type(), variable.required(),
                    variable.defaultValue(), String.join("\n", variable.choices()), sample);
        }

        TemplateVariable definition() {
            List<String> options = choices == null ? List.of() : Arrays.stream(choices.split("\\R"))
                    .map(String::strip).filter(choice -> !choice.isEmpty()).toList();
            return new TemplateVariable(key, label, type, required, defaultValue, options);
        }
    }

    static EditorForm blank() {
        return new EditorForm(null, null, null, null, "", List.of(), List.of());
    }

    static EditorForm of(TemplateView template) {
        return new EditorForm(template.code(), template.name(), template.category().name(), template.description(),
                template.bodyHtml(), template.annexures(),
                template.variables().stream().map(variable -> Row.of(variable, null)).toList());
    }

    /** The form from the posted parameters; lists missing or of different lengths are read as far as they go. */
    static EditorForm posted(String code, String name, String category, String description, String bodyHtml,
                             List<String> annexureTitles, List<String> annexureHtml, List<String> keys,
                             List<String> labels, List<String> types, List<String> required, List<String> defaults,
                             List<String> choices, List<String> samples) {
        List<Annexure> annexures = new ArrayList<>();
        for (int i = 0; i < size(annexureTitles, annexureHtml); i++) {
            annexures.add(new Annexure(at(annexureTitles, i), at(annexureHtml, i)));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < size(keys); i++) {
            rows.add(new Row(at(keys, i), at(labels, i), type(at(types, i)), !"false".equals(at(required, i)),
                    at(defaults, i), at(choices, i), at(samples, i)));
        }
        return new EditorForm(code, name, category, description, bodyHtml, annexures, rows);
    }

    TemplateDraft draft() {
        return new TemplateDraft(code, name, chosenCategory(), description, bodyHtml, annexures, definitions());
    }

    List<TemplateVariable> definitions() {
        return variables.stream().filter(row -> row.key() != null && !row.key().isBlank()).map(Row::definition)
                .toList();
    }

    Map<String, String> samples() {
        Map<String, String> samples = new LinkedHashMap<>();
        variables.forEach(row -> {
            if (row.key() != null && row.sample() != null && !row.sample().isBlank()) {
                samples.put(row.key(), row.sample());
            }
        });
        return samples;
    }

    /** The same form with its panel rows rebuilt from {@code variables}, samples kept by key. */
    EditorForm withVariables(List<TemplateVariable> derived) {
        Map<String, String> samples = samples();
        return new EditorForm(code, name, category, description, bodyHtml, annexures,
                derived.stream().map(variable -> Row.of(variable, samples.get(variable.key()))).toList());
    }

    List<String> keys() {
        return variables.stream().map(Row::key).toList();
    }

    /** The category chosen, {@code null} for none or an unknown one (public: the page reads it). */
    public TemplateCategory chosenCategory() {
        if (category == null || category.isBlank()) {
            return null;
        }
        try {
            return TemplateCategory.valueOf(category.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static VariableType type(String value) {
        if (value == null || value.isBlank()) {
            return VariableType.TEXT;
        }
        try {
            return VariableType.valueOf(value.strip());
        } catch (IllegalArgumentException unknown) {
            return VariableType.TEXT;
        }
    }

    private static int size(List<?> first, List<?>... others) {
        int size = first == null ? 0 : first.size();
        for (List<?> other : others) {
            size = Math.max(size, other == null ? 0 : other.size());
        }
        return size;
    }

    private static String at(List<String> values, int index) {
        return values == null || index >= values.size() ? null : values.get(index);
    }
}

package app.covenant.contracts.templates.internal;

import app.covenant.contracts.templates.Annexure;
import app.covenant.contracts.templates.FilledTemplate;
import app.covenant.contracts.templates.TemplateSnapshot;
import app.covenant.contracts.templates.TemplateVariable;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.problem.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * Filling a template version: for a contract every value is checked (all errors at once, field
 * {@code variables.KEY}) and every placeholder replaced; for a preview whatever is given is shown and a
 * placeholder without a usable value stays visible, marked.
 */
public final class TemplateFilling {

    private TemplateFilling() {
    }

    /**
     * The version filled with {@code given} values (a blank one takes the default); values for keys the template
     * does not have are ignored.
     *
     * @throws ProblemException 400 naming every missing required or malformed value
     */
    public static FilledTemplate fill(TemplateSnapshot snapshot, Map<String, String> given) {
        Map<String, String> supplied = given == null ? Map.of() : given;
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> rendered = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (TemplateVariable variable : snapshot.variables()) {
            String raw = supplied.get(variable.key());
            if (raw == null || raw.isBlank()) {
                raw = variable.defaultValue();
            }
            String field = "variables." + variable.key();
            if (raw == null || raw.isBlank()) {
                if (variable.required()) {
                    errors.add(new FieldError(field, variable.label() + " is required"));
                } else {
                    values.put(variable.key(), "");
                    rendered.put(variable.key(), "");
                }
                continue;
            }
            VariableValues.Checked checked = VariableValues.check(variable, raw);
            if (!checked.ok()) {
                errors.add(new FieldError(field, variable.label() + " " + checked.error()));
                continue;
            }
            values.put(variable.key(), checked.value());
            rendered.put(variable.key(), VariableValues.render(variable, checked.value()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // Every placeholder of the text is a variable (the snapshot's are merged from the text), so none is left;
        // one the pattern matches but the snapshot lacks (never expected) reads as empty rather than as code.
        String body = Placeholders.replace(snapshot.bodyHtml(), key -> rendered.getOrDefault(key, ""));
        List<Annexure> annexures = snapshot.annexures().stream().map(annexure -> new Annexure(annexure.title(),
                Placeholders.replace(annexure.html(), key -> rendered.getOrDefault(key, "")))).toList();
        return new FilledTemplate(snapshot.templateId(), snapshot.version(), body, annexures, values);
    }

    /** Text of a preview: each usable sample value (or default) filled in, the others left visible and marked. */
    public static String preview(String html, List<TemplateVariable> variables, Map<String, String> samples) {
        Map<String, TemplateVariable> byKey = new LinkedHashMap<>();
        variables.forEach(variable -> byKey.put(variable.key(), variable));
        Map<String, String> given = samples == null ? Map.of() : samples;
        return Placeholders.replace(html, key -> {
            TemplateVariable variable = byKey.get(key);
            String raw = given.get(key);
            if ((raw == null || raw.isBlank()) && variable != null) {
                raw = variable.defaultValue();
            }
            if (variable != null && raw != null && !raw.isBlank()) {
                VariableValues.Checked checked = VariableValues.check(variable, raw);
                if (checked.ok()) {
                    return VariableValues.render(variable, checked.value());
                }
                return "<mark class=\"ctpl-placeholder ctpl-invalid\" title=\"" + HtmlUtils.htmlEscape(checked.error())
                        + "\">" + HtmlUtils.htmlEscape(raw.strip()) + "</mark>";
            }
            return "<mark class=\"ctpl-placeholder\">{{" + key + "}}</mark>";
        });
    }
}

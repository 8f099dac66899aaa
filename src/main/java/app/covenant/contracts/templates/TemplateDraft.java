package app.covenant.contracts.templates;

import java.util.List;

/**
 * What a person writes to create a template or its next version. HTML is sanitised on the way in; placeholders
 * are derived from body and annexures and merged with {@code variables} (definitions whose placeholder is not in
 * the text are dropped). On an edit, {@code code} may be left out; it never changes.
 */
public record TemplateDraft(String code, String name, TemplateCategory category, String description,
                            String bodyHtml, List<Annexure> annexures, List<TemplateVariable> variables) {

    public TemplateDraft {
        annexures = annexures == null ? List.of() : List.copyOf(annexures);
        variables = variables == null ? List.of() : List.copyOf(variables);
    }
}

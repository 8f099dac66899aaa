package app.covenant.contracts.templates;

import java.util.List;
import java.util.UUID;

/**
 * One version of a template, as stored: editing a template makes a new version and never changes this one.
 *
 * @param variables every placeholder of body and annexures, merged with the template's definitions, in order of
 *                  first appearance; a placeholder without a definition is a required text variable labelled from its key
 */
public record TemplateSnapshot(UUID templateId, int version, String code, String name, TemplateCategory category,
                               String bodyHtml, List<Annexure> annexures, List<TemplateVariable> variables) {

    public TemplateSnapshot {
        annexures = List.copyOf(annexures);
        variables = List.copyOf(variables);
    }
}

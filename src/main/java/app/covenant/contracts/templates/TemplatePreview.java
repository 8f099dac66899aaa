package app.covenant.contracts.templates;

import java.util.List;

/** Body and annexures filled with sample values; placeholders without a usable value are left visible, marked. */
public record TemplatePreview(String bodyHtml, List<Annexure> annexures, List<TemplateVariable> variables) {

    public TemplatePreview {
        annexures = List.copyOf(annexures);
        variables = List.copyOf(variables);
    }
}

package app.covenant.contracts.templates;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A template version filled for a contract: body and annexures with every placeholder replaced (values
 * HTML-escaped), and the values used (given ones, normalised, plus defaults), keyed by variable.
 */
public record FilledTemplate(UUID templateId, int templateVersion, String bodyHtml, List<Annexure> annexures,
                             Map<String, String> values) {

    public FilledTemplate {
        annexures = List.copyOf(annexures);
        values = Map.copyOf(values);
    }
}

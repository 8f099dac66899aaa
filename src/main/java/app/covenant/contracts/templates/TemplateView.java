package app.covenant.contracts.templates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A template with its current version, as its page and the API show it.
 *
 * @param editable whether the caller may write a new version, retire or reactivate it (the owning organization's
 *                 template managers; a platform administrator for a global one)
 */
public record TemplateView(UUID id, String code, String name, TemplateCategory category, String description,
                           boolean active, boolean global, boolean editable, int version, String bodyHtml,
                           List<Annexure> annexures, List<TemplateVariable> variables, Instant createdAt,
                           Instant updatedAt) {

    public TemplateView {
        annexures = List.copyOf(annexures);
        variables = List.copyOf(variables);
    }
}

package app.covenant.contracts.templates;

import java.time.Instant;
import java.util.UUID;

/** A template as the library lists it. {@code global}: Covenant's own, available to every organization. */
public record TemplateSummary(UUID id, String code, String name, TemplateCategory category, String description,
                              boolean active, boolean global, int version, int variableCount, Instant updatedAt) {
}

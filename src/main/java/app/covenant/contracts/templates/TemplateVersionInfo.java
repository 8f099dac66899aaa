package app.covenant.contracts.templates;

import java.time.Instant;
import java.util.UUID;

/** One entry of a template's version history. */
public record TemplateVersionInfo(int version, Instant createdAt, UUID createdBy, String createdByName,
                                  int annexureCount, int variableCount) {
}

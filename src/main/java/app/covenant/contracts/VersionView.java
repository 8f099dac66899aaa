package app.covenant.contracts;

import app.covenant.contracts.templates.Annexure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One version of a contract: number, author, time, what made it ({@code CREATED}, {@code EDITED}, {@code UPLOADED},
 * {@code RESTORED} with {@code restoredFrom}), the fields that changed against the version before, and the snapshot
 * ({@code fields}: the details by name; body, annexures, variable values). Lists leave the snapshot out.
 */
public record VersionView(UUID contractId, int number, String kind, UUID authorId, Instant createdAt,
                          Integer restoredFrom, List<String> changedFields, Map<String, String> fields,
                          String bodyHtml, List<Annexure> annexures, Map<String, String> variables, String bodySha256,
                          UUID documentId) {
}

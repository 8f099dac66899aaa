package app.covenant.documents;

import java.util.Objects;
import java.util.UUID;

/**
 * The record a document belongs to: {@code module} is the owning module's name (its top-level package,
 * e.g. {@code insurance}), {@code recordId} the id of its record, {@code organizationId} the tenant.
 * Downloads are decided by that module's {@link DocumentAccessPolicy}.
 */
public record DocumentOwner(String module, UUID recordId, UUID organizationId) {

    /** The owner module of documents uploaded to an organization's own document library. */
    public static final String LIBRARY = "documents";

    public DocumentOwner {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(organizationId, "organizationId");
        if (!module.matches("[a-z][a-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("Owner module must be a module name: " + module);
        }
    }

    /** The document library of {@code organizationId}. */
    public static DocumentOwner library(UUID organizationId) {
        return new DocumentOwner(LIBRARY, organizationId, organizationId);
    }
}

package app.covenant.documents.internal;

import app.covenant.audit.AuditSubjects;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents in the audit log, by their file name: linked to the document's page while it exists, named
 * without a link once deleted (the entry still says what it was). Only the reader's organization's.
 */
@Component
class AuditDocumentSubjects implements AuditSubjects {

    private final NamedParameterJdbcTemplate jdbc;

    AuditDocumentSubjects(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return "document";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Subject> describe(UUID organizationId, Collection<String> ids) {
        Map<String, Subject> named = new HashMap<>();
        List<UUID> documents = AuditSubjects.uuids(ids);
        if (documents.isEmpty() || organizationId == null) {
            return named;
        }
        jdbc.query("select id, original_name, deleted_at from documents where id in (:documents) "
                        + "and organization_id = :organization",
                Map.of("documents", documents, "organization", organizationId), rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    boolean deleted = rs.getObject(3) != null;
                    named.put(id.toString(), new Subject(rs.getString(2), deleted ? null : "/documents/" + id));
                });
        return named;
    }
}

package app.covenant.identity.internal;

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
 * Organizations in the audit log: the reader's own and its entities, linked to the organizations page
 * (there is no page per organization).
 */
@Component
class AuditOrganizationSubjects implements AuditSubjects {

    private final NamedParameterJdbcTemplate jdbc;

    AuditOrganizationSubjects(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return "organization";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Subject> describe(UUID organizationId, Collection<String> ids) {
        Map<String, Subject> named = new HashMap<>();
        List<UUID> organizations = AuditSubjects.uuids(ids);
        if (organizations.isEmpty() || organizationId == null) {
            return named;
        }
        jdbc.query("select id, name from organizations where id in (:organizations) "
                        + "and (id = :organization or parent_id = :organization)",
                Map.of("organizations", organizations, "organization", organizationId), rs -> {
                    named.put(rs.getObject(1, UUID.class).toString(), new Subject(rs.getString(2), "/admin/organizations"));
                });
        return named;
    }
}

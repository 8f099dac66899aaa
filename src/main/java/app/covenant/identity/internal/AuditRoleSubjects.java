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

/** Roles in the audit log: the system roles and the reader's organization's own, linked to the role page. */
@Component
class AuditRoleSubjects implements AuditSubjects {

    private final NamedParameterJdbcTemplate jdbc;

    AuditRoleSubjects(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return "role";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Subject> describe(UUID organizationId, Collection<String> ids) {
        Map<String, Subject> named = new HashMap<>();
        List<UUID> roles = AuditSubjects.uuids(ids);
        if (roles.isEmpty() || organizationId == null) {
            return named;
        }
        jdbc.query("select id, name from roles where id in (:roles) "
                        + "and (organization_id is null or organization_id = :organization)",
                Map.of("roles", roles, "organization", organizationId), rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    named.put(id.toString(), new Subject(rs.getString(2), "/admin/roles/" + id));
                });
        return named;
    }
}

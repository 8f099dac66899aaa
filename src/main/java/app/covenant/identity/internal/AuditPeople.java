package app.covenant.identity.internal;

import app.covenant.audit.AuditActors;
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
 * People in the audit log: the actor picker's members and the names of users an entry points at, each by
 * the name the reader's organization knows them by (an invitation's typed name until it is accepted, so
 * the log tells an organization nothing the users list would not). Someone who is no member of it is
 * left unnamed: the entry keeps the address it recorded.
 */
@Component
class AuditPeople implements AuditActors, AuditSubjects {

    private final NamedParameterJdbcTemplate jdbc;

    AuditPeople(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Actor> membersOf(UUID organizationId) {
        return jdbc.query("select u.id, u.name from memberships m join users u on u.id = m.user_id "
                        + "where m.organization_id = :organization and m.status <> 'PENDING' order by lower(u.name), u.id",
                Map.of("organization", organizationId), (rs, i) -> new Actor(rs.getObject(1, UUID.class), rs.getString(2)));
    }

    @Override
    public String type() {
        return "user";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Subject> describe(UUID organizationId, Collection<String> ids) {
        Map<String, Subject> named = new HashMap<>();
        List<UUID> users = AuditSubjects.uuids(ids);
        if (users.isEmpty() || organizationId == null) {
            return named;
        }
        jdbc.query("select u.id, " + MemberViews.NAME + " from memberships m join users u on u.id = m.user_id "
                        + "where m.organization_id = :organization and u.id in (:users)",
                Map.of("organization", organizationId, "users", users), rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    named.put(id.toString(), new Subject(rs.getString(2), "/admin/users/" + id));
                });
        return named;
    }
}

package app.covenant.identity.internal;

import app.covenant.documents.UserNames;
import app.covenant.identity.Members;
import app.covenant.notifications.NotificationRecipients;
import app.covenant.shared.security.VerifiedEmails;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers other modules about people: the modules above identity through {@link Members}, the notifications
 * module who may be told what (active members, with their roles' permissions), the documents module who
 * uploaded a file, the signatures module whether a signed-in user's address is verified.
 */
@Component
class MemberDirectory implements Members, NotificationRecipients, UserNames, VerifiedEmails {

    private final NamedParameterJdbcTemplate jdbc;

    MemberDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Recipient> activeMembers(UUID organizationId, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select u.id, u.email, u.name from users u
                join memberships m on m.user_id = u.id and m.organization_id = :organization and m.status = 'ACTIVE'
                where u.status = 'ACTIVE' and u.id in (:users)""",
                Map.of("organization", organizationId, "users", userIds),
                (rs, i) -> new Recipient(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name")));
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> holdersOf(UUID organizationId, String permission) {
        return jdbc.query("""
                select u.id from users u
                join memberships m on m.user_id = u.id and m.organization_id = :organization and m.status = 'ACTIVE'
                join role_permissions p on p.role_id = m.role_id and p.permission_code = :permission
                where u.status = 'ACTIVE'""",
                Map.of("organization", organizationId, "permission", permission),
                (rs, i) -> rs.getObject("id", UUID.class));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> namesOf(Collection<UUID> userIds) {
        // A HashMap even when empty: pages look up a null uploader, which Map.of() refuses.
        Map<UUID, String> names = new HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        jdbc.query("select id, name from users where id in (:users)", Map.of("users", userIds),
                rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Member> holding(UUID organizationId, String permission) {
        return jdbc.query("""
                select u.id, u.name, u.email from users u
                join memberships m on m.user_id = u.id and m.organization_id = :organization and m.status = 'ACTIVE'
                join role_permissions p on p.role_id = m.role_id and p.permission_code = :permission
                where u.status = 'ACTIVE'
                order by u.name, u.id""",
                Map.of("organization", organizationId, "permission", permission),
                (rs, i) -> new Member(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"), true));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Member> byIds(UUID organizationId, Collection<UUID> userIds) {
        Map<UUID, Member> members = new HashMap<>();
        if (userIds.isEmpty()) {
            return members;
        }
        // A pending member is shown by the name the inviting administrator typed (V10), not the account's.
        jdbc.query("""
                select u.id, u.email, m.status as membership, u.status as account,
                       case when m.status = 'PENDING' and m.invited_name is not null then m.invited_name else u.name end
                           as shown_name
                from users u
                join memberships m on m.user_id = u.id and m.organization_id = :organization
                where u.id in (:users)""",
                Map.of("organization", organizationId, "users", userIds), rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    members.put(id, new Member(id, rs.getString("shown_name"), rs.getString("email"),
                            "ACTIVE".equals(rs.getString("membership")) && "ACTIVE".equals(rs.getString("account"))));
                });
        return members;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isVerified(UUID userId) {
        if (userId == null) {
            return false;
        }
        // By primary key: one indexed row.
        List<Boolean> verified = jdbc.query("select email_verified from users where id = :user",
                Map.of("user", userId), (rs, i) -> rs.getBoolean("email_verified"));
        return !verified.isEmpty() && verified.getFirst();
    }
}

package app.covenant.identity.internal;

import app.covenant.identity.IdentityProperties;
import app.covenant.shared.security.Caller;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns a valid access token into the {@link Caller} of this request, reading fresh state in one
 * query: the user is active, the organization active, the session and token not revoked, and the
 * role held there now (an active membership, not a pending or suspended one). Permissions of a role are cached for a few seconds only.
 */
@Component
public class CallerLoader {

    private static final String STATE = """
            select u.email, u.name, u.status, o.active as org_active,
                   (select m.role_id from memberships m where m.user_id = u.id and m.organization_id = o.id
                     and m.status = 'ACTIVE') as role_id,
                   (select r.id from memberships m join roles r on r.id = m.role_id
                     where m.user_id = u.id and m.status = 'ACTIVE' and r.scope_key = 'system' and r.code = 'SUPER_ADMIN'
                     limit 1) as super_role_id,
                   exists(select 1 from revoked_access_tokens t where t.jti = ?) as token_revoked,
                   exists(select 1 from refresh_tokens f where f.family_id = ? and f.status = 'REVOKED') as session_revoked
            from users u, organizations o
            where u.id = ? and o.id = ?
            """;

    private record State(String email, String name, String status, boolean organizationActive, UUID roleId,
                         UUID superRoleId, boolean tokenRevoked, boolean sessionRevoked) {
    }

    private record RoleGrant(String code, Set<String> permissions) {
    }

    private final JdbcTemplate jdbc;
    private final AccessTokenRevocations revocations;
    private final Cache<UUID, RoleGrant> roles;

    CallerLoader(JdbcTemplate jdbc, AccessTokenRevocations revocations, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.revocations = revocations;
        this.roles = Caffeine.newBuilder().expireAfterWrite(properties.permissionCacheTtl()).maximumSize(10_000).build();
    }

    /** The caller, or empty when the token must be refused. */
    public Optional<Caller> load(UUID userId, UUID organizationId, UUID sessionId, String jti) {
        if (revocations.knownRevoked(jti)) {
            return Optional.empty();
        }
        List<State> rows = jdbc.query(STATE, (rs, i) -> new State(rs.getString("email"), rs.getString("name"),
                rs.getString("status"), rs.getBoolean("org_active"), rs.getObject("role_id", UUID.class),
                rs.getObject("super_role_id", UUID.class), rs.getBoolean("token_revoked"),
                rs.getBoolean("session_revoked")), jti, sessionId, userId, organizationId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        State state = rows.getFirst();
        if (!"ACTIVE".equals(state.status()) || state.tokenRevoked() || state.sessionRevoked()) {
            return Optional.empty();
        }
        // A super admin acts in any organization, member or not.
        UUID roleId = state.superRoleId() != null ? state.superRoleId() : state.roleId();
        if (roleId == null || (!state.organizationActive() && state.superRoleId() == null)) {
            return Optional.empty();
        }
        RoleGrant grant = roles.get(roleId, this::loadRole);
        return Optional.of(new Caller(userId, state.email(), state.name(), organizationId, Set.of(grant.code()),
                grant.permissions(), sessionId));
    }

    /** Forget cached permissions at once on this node (after a role edit). */
    void forgetRole(UUID roleId) {
        roles.invalidate(roleId);
    }

    private RoleGrant loadRole(UUID roleId) {
        String code = jdbc.queryForObject("select code from roles where id = ?", String.class, roleId);
        Set<String> permissions = new HashSet<>(jdbc.queryForList(
                "select permission_code from role_permissions where role_id = ?", String.class, roleId));
        return new RoleGrant(code, Set.copyOf(permissions));
    }
}

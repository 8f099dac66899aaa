package app.covenant.identity.internal;

import app.covenant.identity.IdentityProperties;
import app.covenant.shared.security.Caller;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** The user's state in the organization; the two {@code %s} say how token and session revocation are checked. */
    private static final String STATE = """
            select u.email, u.name, u.status, o.active as org_active,
                   (select m.role_id from memberships m where m.user_id = u.id and m.organization_id = o.id
                     and m.status = 'ACTIVE') as role_id,
                   (select r.id from memberships m join roles r on r.id = m.role_id
                     where m.user_id = u.id and m.status = 'ACTIVE' and r.scope_key = 'system' and r.code = 'SUPER_ADMIN'
                     limit 1) as super_role_id,
                   %s as token_revoked, %s as session_revoked
            from users u, organizations o
            where u.id = ? and o.id = ?
            """;

    /** For a request: the token and its session are checked too (parameters jti, session, user, organization). */
    private static final String TOKEN_STATE = STATE.formatted(
            "exists(select 1 from revoked_access_tokens t where t.jti = ?)",
            "exists(select 1 from refresh_tokens f where f.family_id = ? and f.status = 'REVOKED')");

    /** Outside a request there is no token to check (parameters user, organization). */
    private static final String MEMBER_STATE = STATE.formatted("false", "false");

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
        List<State> rows = jdbc.query(TOKEN_STATE, CallerLoader::state, jti, sessionId, userId, organizationId);
        return rows.isEmpty() ? Optional.empty() : caller(rows.getFirst(), userId, organizationId, sessionId);
    }

    /**
     * The caller of a user acting in an organization outside any request (no token, no session) — for the
     * embedded default's demo data, whose modules act as the demo people: the same state and permission
     * checks as a request, without the token ones.
     */
    Optional<Caller> member(UUID userId, UUID organizationId) {
        List<State> rows = jdbc.query(MEMBER_STATE, CallerLoader::state, userId, organizationId);
        return rows.isEmpty() ? Optional.empty() : caller(rows.getFirst(), userId, organizationId, null);
    }

    private static State state(ResultSet rs, int row) throws SQLException {
        return new State(rs.getString("email"), rs.getString("name"), rs.getString("status"),
                rs.getBoolean("org_active"), rs.getObject("role_id", UUID.class),
                rs.getObject("super_role_id", UUID.class), rs.getBoolean("token_revoked"),
                rs.getBoolean("session_revoked"));
    }

    private Optional<Caller> caller(State state, UUID userId, UUID organizationId, UUID sessionId) {
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

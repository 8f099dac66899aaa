package app.covenant.identity.internal;

import app.covenant.shared.persistence.LikePatterns;
import app.covenant.shared.security.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The members of an organization as its administrators see them. Until a person accepts, their row is
 * made of the invitation alone (the address, the name the inviter typed, the role offered): inviting
 * an address that has an account shows exactly what inviting a new address shows, and a search or a
 * sort never reads the account's own name, sign-ins or lock.
 */
@Component
class MemberViews {

    /** What the organization sees as the name: the inviter's words until the person accepts. */
    static final String NAME =
            "case when m.status = 'PENDING' then coalesce(m.invited_name, u.email_normalized) else u.name end";
    private static final String STATUS = "case when m.status = 'PENDING' then 'INVITED' when u.status = 'DEACTIVATED' "
            + "then 'DEACTIVATED' when m.status = 'SUSPENDED' then 'SUSPENDED' else u.status end";
    private static final Map<String, String> SORTS = Map.of(
            "name", NAME,
            "email", "u.email_normalized",
            "status", STATUS,
            "createdAt", "case when m.status = 'PENDING' then m.created_at else u.created_at end",
            "lastSignInAt", "case when m.status = 'PENDING' then null else u.last_sign_in_at end");

    private record Row(UUID userId, UUID membershipId) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final RoleRepository roles;
    private final LoginAttempts attempts;
    private final MemberAuthority authority;

    MemberViews(NamedParameterJdbcTemplate jdbc, UserRepository users, MembershipRepository memberships,
                RoleRepository roles, LoginAttempts attempts, MemberAuthority authority) {
        this.jdbc = jdbc;
        this.users = users;
        this.memberships = memberships;
        this.roles = roles;
        this.attempts = attempts;
        this.authority = authority;
    }

    /**
     * A page of the caller's organization's members, searched by e-mail or by the name the organization sees,
     * and narrowed to a role code and a {@link MemberFilter status} when they are given.
     */
    Page<UserView> list(Caller caller, MemberFilter filter, Pageable pageable) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("organization", caller.organizationId());
        String where = " from memberships m join users u on u.id = m.user_id where m.organization_id = :organization";
        String pattern = LikePatterns.containing(filter.query());
        if (pattern != null) {
            parameters.addValue("q", pattern);
            where += " and (u.email_normalized like :q escape '\\' or lower(" + NAME + ") like :q escape '\\')";
        }
        if (filter.roleCode() != null) {
            parameters.addValue("role", filter.roleCode());
            where += " and m.role_id in (select r.id from roles r where r.code = :role)";
        }
        if (filter.status() == MemberFilter.Status.LOCKED) {
            List<UUID> locked = lockedMembers(caller);
            if (locked.isEmpty()) {
                return Page.empty(pageable);
            }
            parameters.addValue("locked", locked);
            where += " and u.id in (:locked)";
        } else if (filter.status() != null) {
            parameters.addValue("status", filter.status().shownAs());
            where += " and " + STATUS + " = :status";
        }
        Long total = jdbc.queryForObject("select count(*)" + where, parameters, Long.class);
        parameters.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<Row> rows = jdbc.query("select m.user_id, m.id" + where + " order by " + orderBy(pageable.getSort())
                        + " limit :limit offset :offset", parameters,
                (rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
        Map<UUID, Membership> byId = memberships.findAllById(rows.stream().map(Row::membershipId).toList()).stream()
                .collect(Collectors.toMap(Membership::getId, Function.identity()));
        Map<UUID, User> accounts = users.findAllById(rows.stream().map(Row::userId).toList()).stream()
                .collect(Collectors.toMap(User::getId, Function.identity()));
        Map<UUID, String> roleCodes = roles.findByIdIn(byId.values().stream().map(Membership::roleId).distinct().toList())
                .stream().collect(Collectors.toMap(Role::getId, Role::code));
        Set<UUID> manageable = authority.manageableAccounts(caller, accounts.keySet());
        // The lock is the account's: read, for the whole page at once, only for those who may lift it.
        Set<String> locked = attempts.locked(accounts.values().stream()
                .filter(user -> manageable.contains(user.getId())).map(User::email).toList());
        List<UserView> content = rows.stream().map(row -> {
            Membership membership = byId.get(row.membershipId());
            User user = accounts.get(row.userId());
            boolean mayManage = manageable.contains(row.userId());
            return view(membership, user, roleCodes.get(membership.roleId()), mayManage,
                    mayManage && locked.contains(User.normalize(user.email())));
        }).toList();
        return new PageImpl<>(content, pageable, total == null ? 0 : total);
    }

    /**
     * The members whose account is locked now, of those the caller may unlock: the lock lives with the
     * sign-in attempts, not in the database, so it is read for the organization's accounts in one round trip.
     */
    private List<UUID> lockedMembers(Caller caller) {
        Map<UUID, String> emails = new HashMap<>();
        jdbc.query("select u.id, u.email from memberships m join users u on u.id = m.user_id "
                        + "where m.organization_id = :organization and m.status <> 'PENDING'",
                Map.of("organization", caller.organizationId()),
                rs -> {
                    emails.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        Set<UUID> manageable = authority.manageableAccounts(caller, emails.keySet());
        Set<String> locked = attempts.locked(manageable.stream().map(emails::get).toList());
        return manageable.stream().filter(id -> locked.contains(User.normalize(emails.get(id)))).toList();
    }

    /** One member of the caller's organization. */
    UserView of(Caller caller, Membership membership) {
        User user = users.findById(membership.userId()).orElseThrow();
        boolean manageable = authority.mayManageAccount(caller, user.getId());
        // The lock is the account's: shown to those who may lift it.
        return view(membership, user, roleCode(membership), manageable,
                manageable && attempts.lockedFor(user.email()).isPresent());
    }

    String roleCode(Membership membership) {
        return roles.findById(membership.roleId()).map(Role::code).orElse(null);
    }

    /** The name an organization knows a person by until they accept: what it typed, else the address. */
    static String invitedName(Membership membership, User user) {
        return membership.invitedName() == null ? invitedAddress(user) : membership.invitedName();
    }

    /**
     * The address as an invitation shows it: in lower case, so an existing account's own spelling of it
     * never tells the inviter that the account exists.
     */
    static String invitedAddress(User user) {
        return User.normalize(user.email());
    }

    private static UserView view(Membership membership, User user, String roleCode, boolean manageable,
                                 boolean locked) {
        if (membership.pending()) {
            return new UserView(user.getId(), invitedAddress(user), invitedName(membership, user), null, "INVITED",
                    false, null,
                    membership.createdAt(), membership.organizationId(), roleCode, false, false);
        }
        String status = user.status() == User.Status.DEACTIVATED ? "DEACTIVATED"
                : membership.status() == Membership.Status.SUSPENDED ? "SUSPENDED" : user.status().name();
        return new UserView(user.getId(), user.email(), user.name(), user.phone(), status, user.emailVerified(),
                user.lastSignInAt(), user.createdAt(), membership.organizationId(), roleCode, locked, manageable);
    }

    private static String orderBy(Sort sort) {
        StringBuilder order = new StringBuilder();
        for (Sort.Order by : sort) {
            String expression = SORTS.get(by.getProperty());
            if (expression != null) {
                order.append(expression).append(by.isAscending() ? " asc, " : " desc, ");
            }
        }
        // A stable order, so no row shows on two pages.
        return order.append("u.email_normalized, u.id").toString();
    }
}

package app.covenant.identity.internal;

import app.covenant.identity.IdentityPermissions;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who may act on whom (SECURITY.md "Authorization"). An organization's administrator acts on the
 * membership in their organization; the account itself (name, phone, deactivation, unlock) belongs to
 * the person, to a super administrator, or to the administrator of the only organization that holds
 * the account. Nobody acts on a member who holds a permission the caller lacks.
 */
@Component
class MemberAuthority {

    private final MembershipRepository memberships;
    private final RoleRepository roles;
    private final Sessions sessions;

    MemberAuthority(MembershipRepository memberships, RoleRepository roles, Sessions sessions) {
        this.memberships = memberships;
        this.roles = roles;
        this.sessions = sessions;
    }

    /** Whether the caller may change the account of {@code userId} itself, not only a membership. */
    boolean mayManageAccount(Caller caller, UUID userId) {
        if (caller.userId().equals(userId) || caller.isSuperAdmin()) {
            return true;
        }
        return caller.has(IdentityPermissions.USER_MANAGE) && onlyHolder(caller, memberships.acceptedOrganizations(userId));
    }

    /** {@link #mayManageAccount} for a page of members, in one query. */
    Set<UUID> manageableAccounts(Caller caller, Collection<UUID> userIds) {
        if (caller.isSuperAdmin()) {
            return Set.copyOf(userIds);
        }
        Map<UUID, List<UUID>> holders = userIds.isEmpty() ? Map.of() : memberships.findAcceptedByUserIdIn(userIds)
                .stream().collect(Collectors.groupingBy(Membership::userId,
                        Collectors.mapping(Membership::organizationId, Collectors.toList())));
        return userIds.stream().filter(id -> id.equals(caller.userId()) || (caller.has(IdentityPermissions.USER_MANAGE)
                && onlyHolder(caller, holders.getOrDefault(id, List.of())))).collect(Collectors.toSet());
    }

    // A pending invitation holds no account: until the person accepts, it is nobody's to change but theirs.
    private static boolean onlyHolder(Caller caller, List<UUID> holders) {
        return holders.size() == 1 && holders.getFirst().equals(caller.organizationId());
    }

    /** @throws ProblemException {@code 403} unless {@link #mayManageAccount} */
    void requireAccountAuthority(Caller caller, Membership membership) {
        if (mayManageAccount(caller, membership.userId())) {
            return;
        }
        throw ProblemException.forbidden(membership.pending()
                ? "This person has not accepted the invitation: their account is theirs to change."
                : "This account also belongs to another organization: only its owner or a platform administrator "
                + "changes it. Change the role, suspend or remove the membership in this organization instead.");
    }

    /**
     * @throws ProblemException {@code 403} when the member holds a permission the caller lacks, by their
     *                          current role here or as a super administrator anywhere
     */
    void requireOutranks(Caller caller, Membership membership) {
        if (caller.isSuperAdmin()) {
            return;
        }
        Role role = roles.findWithPermissions(membership.roleId()).orElseThrow();
        // A pending invitation is weighed by the role it offers only: what the account holds elsewhere is not
        // this organization's business, and a refusal must not tell it.
        boolean superAdmin = role.system() && Caller.SUPER_ADMIN.equals(role.code());
        if (superAdmin || (!membership.pending() && sessions.isSuperAdmin(membership.userId()))) {
            throw ProblemException.forbidden("Only a super administrator acts on a super administrator.");
        }
        Set<String> missing = new TreeSet<>(role.permissions());
        missing.removeAll(caller.permissions());
        if (!missing.isEmpty()) {
            throw ProblemException.forbidden("This member holds permissions you do not hold ("
                    + String.join(", ", missing) + "): only someone who holds them changes their membership.");
        }
    }
}

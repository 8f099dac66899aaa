package app.covenant.identity.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators' work on the members of their organization. The membership here (role, suspend,
 * remove) is theirs to change; the account (name, phone, deactivate, unlock) only where
 * {@link MemberAuthority} says so. Another organization's user is "not found".
 */
@Service
public class UserAdministration {

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final RefreshTokenRepository refreshTokens;
    private final Grants grants;
    private final MemberAuthority authority;
    private final MemberViews views;
    private final Sessions sessions;
    private final LoginAttempts attempts;
    private final AuditTrail audit;
    private final Clock clock;

    UserAdministration(UserRepository users, MembershipRepository memberships, RefreshTokenRepository refreshTokens,
                       Grants grants, MemberAuthority authority, MemberViews views, Sessions sessions,
                       LoginAttempts attempts, AuditTrail audit, Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.refreshTokens = refreshTokens;
        this.grants = grants;
        this.authority = authority;
        this.views = views;
        this.sessions = sessions;
        this.attempts = attempts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<UserView> list(Caller caller, MemberFilter filter, Pageable pageable) {
        return views.list(caller, filter, pageable);
    }

    @Transactional(readOnly = true)
    public UserView get(Caller caller, UUID id) {
        return views.of(caller, membership(caller, id));
    }

    /**
     * Name and phone are the account's, the role is the membership's; until the person accepts, the name
     * is the invitation's (what the organization typed) and nothing of the account is compared or shown.
     * Nothing changes unless all of it may.
     */
    @Transactional
    public UserView update(Caller caller, UUID id, String name, String phone, String roleCode) {
        Membership membership = membership(caller, id);
        User user = users.findById(id).orElseThrow();
        boolean pending = membership.pending();
        String shownName = pending ? MemberViews.invitedName(membership, user) : user.name();
        String shownPhone = pending ? null : user.phone();
        String newName = name == null || name.isBlank() ? shownName : name.trim();
        String newPhone = phone == null ? shownPhone : phone.isBlank() ? null : phone.trim();
        boolean renamed = !newName.equals(shownName);
        boolean accountChanges = !Objects.equals(newPhone, shownPhone) || (renamed && !pending);
        String previousRole = views.roleCode(membership);
        boolean roleChanges = roleCode != null && !roleCode.equals(previousRole);
        if (accountChanges) {
            authority.requireAccountAuthority(caller, membership);
            authority.requireOutranks(caller, membership);
        }
        String newRole = previousRole;
        if (roleChanges) {
            authority.requireOutranks(caller, membership);
            Role role = grants.assignable(caller, roleCode, caller.organizationId());
            membership.changeRole(role.getId());
            newRole = role.code();
        }
        if (renamed && pending) {
            membership.renameInvitation(newName);
        }
        if (accountChanges) {
            user.updateProfile(pending ? user.name() : newName, newPhone, clock.instant());
        }
        audit.record(AuditEntry.of("identity", "user.updated").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("user", id)
                .before(Map.of("role", String.valueOf(previousRole)))
                .after(Map.of("role", String.valueOf(newRole), "renamed", renamed, "accountChanged", accountChanges)));
        return views.of(caller, membership);
    }

    @Transactional
    public UserView deactivate(Caller caller, UUID id) {
        Membership membership = membership(caller, id);
        if (caller.userId().equals(id)) {
            throw ProblemException.conflict("You cannot deactivate yourself.");
        }
        User user = accountOf(caller, membership);
        user.deactivate(clock.instant());
        sessions.revokeAllOf(id, null, "deactivated");
        audit.record(AuditEntry.of("identity", "user.deactivated").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("user", id));
        return views.of(caller, membership);
    }

    @Transactional
    public UserView reactivate(Caller caller, UUID id) {
        Membership membership = membership(caller, id);
        User user = accountOf(caller, membership);
        user.reactivate(clock.instant());
        audit.record(AuditEntry.of("identity", "user.reactivated").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("user", id));
        return views.of(caller, membership);
    }

    @Transactional
    public void unlock(Caller caller, UUID id) {
        User user = accountOf(caller, membership(caller, id));
        attempts.clear(user.email());
        audit.record(AuditEntry.of("identity", "user.unlocked").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("user", id));
    }

    /** The member may no longer work in this organization (their sessions here end); the account is untouched. */
    @Transactional
    public UserView suspend(Caller caller, UUID id) {
        Membership membership = othersMembership(caller, id, "suspend");
        if (membership.pending()) {
            throw ProblemException.conflict("The invitation is not accepted yet: remove it instead.");
        }
        membership.suspend();
        refreshTokens.revokeAllOfUserIn(id, caller.organizationId(), clock.instant(), "membership-suspended");
        audit.record(AuditEntry.of("identity", "membership.suspended").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("user", id));
        return views.of(caller, membership);
    }

    @Transactional
    public UserView reinstate(Caller caller, UUID id) {
        Membership membership = othersMembership(caller, id, "reinstate");
        if (membership.status() != Membership.Status.SUSPENDED) {
            throw ProblemException.conflict("This membership is not suspended.");
        }
        membership.reinstate();
        audit.record(AuditEntry.of("identity", "membership.reinstated").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("user", id));
        return views.of(caller, membership);
    }

    /** Takes the person out of this organization, or withdraws a pending invitation (its link stops working). */
    @Transactional
    public void removeMembership(Caller caller, UUID id) {
        Membership membership = othersMembership(caller, id, "remove");
        boolean pending = membership.pending();
        memberships.delete(membership);
        refreshTokens.revokeAllOfUserIn(id, caller.organizationId(), clock.instant(), "membership-removed");
        audit.record(AuditEntry.of("identity", "membership.removed").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("user", id).after(Map.of("wasPending", pending)));
    }

    /** Another member's membership here that the caller outranks. */
    private Membership othersMembership(Caller caller, UUID id, String action) {
        Membership membership = membership(caller, id);
        if (caller.userId().equals(id)) {
            throw ProblemException.conflict("You cannot " + action + " yourself.");
        }
        authority.requireOutranks(caller, membership);
        return membership;
    }

    /** The account behind a membership here, when the caller may change the account itself. */
    private User accountOf(Caller caller, Membership membership) {
        authority.requireAccountAuthority(caller, membership);
        authority.requireOutranks(caller, membership);
        return users.findById(membership.userId()).orElseThrow();
    }

    private Membership membership(Caller caller, UUID id) {
        return memberships.findByUserIdAndOrganizationId(id, caller.organizationId())
                .orElseThrow(() -> ProblemException.notFound("User"));
    }
}

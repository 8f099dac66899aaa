package app.covenant.identity.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.identity.IdentityProperties;
import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import app.covenant.platform.config.PlatformProperties;
import app.covenant.shared.persistence.LikePatterns;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators' work on the users of their organization: invite, change role, deactivate, unlock. */
@Service
public class UserAdministration {

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final RoleRepository roles;
    private final OrganizationRepository organizations;
    private final Grants grants;
    private final OneTimeLinks links;
    private final Sessions sessions;
    private final LoginAttempts attempts;
    private final EmailOutbox outbox;
    private final AuditTrail audit;
    private final IdentityProperties properties;
    private final PlatformProperties platform;
    private final Clock clock;

    UserAdministration(UserRepository users, MembershipRepository memberships, RoleRepository roles,
                       OrganizationRepository organizations, Grants grants, OneTimeLinks links, Sessions sessions,
                       LoginAttempts attempts, EmailOutbox outbox, AuditTrail audit, IdentityProperties properties,
                       PlatformProperties platform, Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.roles = roles;
        this.organizations = organizations;
        this.grants = grants;
        this.links = links;
        this.sessions = sessions;
        this.attempts = attempts;
        this.outbox = outbox;
        this.audit = audit;
        this.properties = properties;
        this.platform = platform;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<UserView> list(Caller caller, String query, Pageable pageable) {
        String q = LikePatterns.containing(query);
        Page<User> page = users.findInOrganization(caller.organizationId(), q, pageable);
        Map<UUID, String> roleOf = roleCodes(page.getContent().stream().map(User::getId).toList(), caller.organizationId());
        return page.map(user -> view(user, caller.organizationId(), roleOf.get(user.getId())));
    }

    @Transactional(readOnly = true)
    public UserView get(Caller caller, UUID id) {
        User user = visible(caller, id);
        return view(user, caller.organizationId(), roleCodes(List.of(id), caller.organizationId()).get(id));
    }

    @Transactional
    public UserView invite(Caller caller, String email, String name, String roleCode, UUID organizationId) {
        UUID target = organizationId == null ? caller.organizationId() : organizationId;
        if (!caller.canSee(target)) {
            throw ProblemException.notFound("Organization");
        }
        Organization organization = organizations.findById(target)
                .orElseThrow(() -> ProblemException.notFound("Organization"));
        Role role = grants.assignable(caller, roleCode, target);
        User user = users.findByEmailNormalized(User.normalize(email)).orElse(null);
        if (user != null && memberships.findByUserIdAndOrganizationId(user.getId(), target).isPresent()) {
            throw ProblemException.conflict("This person is already a member of " + organization.name() + ".");
        }
        boolean existing = user != null;
        if (!existing) {
            user = users.save(new User(email, name == null || name.isBlank() ? email : name.trim(), User.Status.INVITED,
                    clock.instant()));
        }
        memberships.save(new Membership(user.getId(), target, role.getId(), clock.instant(), caller.userId()));
        if (existing && user.isActive()) {
            Map<String, Object> values = new HashMap<>(invitationModel(caller, organization, role));
            values.put("link", platform.frontendUrl().resolve("/login").toString());
            values.put("expiresAt", clock.instant().plus(properties.invitationTtl()));
            values.put("name", user.name());
            outbox.enqueue(new OutgoingEmail(user.email(), "You were added to " + organization.name() + " on Covenant",
                    "invitation", values, target));
        } else {
            sendInvitationLink(caller, user, organization, role);
        }
        audit.record(AuditEntry.of("identity", "user.invited").actor(caller.userId(), caller.email())
                .organization(target).target("user", user.getId())
                .after(Map.of("email", user.email(), "role", role.code(), "existingUser", existing)));
        return view(user, target, role.code());
    }

    /**
     * A fresh invitation link for someone who has not accepted yet (the first e-mail was lost, or its link
     * expired); the older link stops working.
     */
    @Transactional
    public UserView resendInvitation(Caller caller, UUID id) {
        User user = visible(caller, id);
        if (user.status() != User.Status.INVITED) {
            throw ProblemException.conflict(user.name() + " has already accepted the invitation.");
        }
        Organization organization = organizations.findById(caller.organizationId())
                .orElseThrow(() -> ProblemException.notFound("Organization"));
        Membership membership = memberships.findByUserIdAndOrganizationId(id, caller.organizationId())
                .orElseThrow(() -> ProblemException.notFound("User"));
        Role role = roles.findById(membership.roleId()).orElseThrow(() -> ProblemException.notFound("Role"));
        sendInvitationLink(caller, user, organization, role);
        audit.record(AuditEntry.of("identity", "user.invitation-resent").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("user", id));
        return view(user, caller.organizationId(), role.code());
    }

    /** The single-use link to accept; a newer one retires the older. */
    private void sendInvitationLink(Caller caller, User user, Organization organization, Role role) {
        links.send(user, UserToken.Purpose.INVITATION, organization.getId(), properties.invitationTtl(),
                "/accept-invite", "invitation", caller.name() + " invited you to " + organization.name() + " on Covenant",
                invitationModel(caller, organization, role));
    }

    private static Map<String, Object> invitationModel(Caller caller, Organization organization, Role role) {
        return Map.of("inviterName", caller.name(), "organizationName", organization.name(), "roleName", role.name());
    }

    @Transactional
    public UserView update(Caller caller, UUID id, String name, String phone, String roleCode) {
        User user = visible(caller, id);
        String previousRole = roleCodes(List.of(id), caller.organizationId()).get(id);
        if (name != null && !name.isBlank()) {
            user.updateProfile(name.trim(), phone, clock.instant());
        } else if (phone != null) {
            user.updateProfile(user.name(), phone, clock.instant());
        }
        String newRole = previousRole;
        if (roleCode != null && !roleCode.equals(previousRole)) {
            Role role = grants.assignable(caller, roleCode, caller.organizationId());
            Membership membership = memberships.findByUserIdAndOrganizationId(id, caller.organizationId())
                    .orElseThrow(() -> ProblemException.conflict("This user is not a member of your organization."));
            membership.changeRole(role.getId());
            newRole = role.code();
        }
        audit.record(AuditEntry.of("identity", "user.updated").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("user", id)
                .before(Map.of("role", String.valueOf(previousRole))).after(Map.of("role", String.valueOf(newRole))));
        return view(user, caller.organizationId(), newRole);
    }

    @Transactional
    public UserView deactivate(Caller caller, UUID id) {
        User user = visible(caller, id);
        if (caller.userId().equals(id)) {
            throw ProblemException.conflict("You cannot deactivate yourself.");
        }
        user.deactivate(clock.instant());
        sessions.revokeAllOf(id, null, "deactivated");
        audit.record(AuditEntry.of("identity", "user.deactivated").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("user", id));
        return get(caller, id);
    }

    @Transactional
    public UserView reactivate(Caller caller, UUID id) {
        User user = visible(caller, id);
        user.reactivate(clock.instant());
        audit.record(AuditEntry.of("identity", "user.reactivated").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("user", id));
        return get(caller, id);
    }

    @Transactional
    public void unlock(Caller caller, UUID id) {
        User user = visible(caller, id);
        attempts.clear(user.email());
        audit.record(AuditEntry.of("identity", "user.unlocked").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("user", id));
    }

    private User visible(Caller caller, UUID id) {
        return users.findById(id)
                .filter(user -> memberships.isMember(id, caller.organizationId()))
                .orElseThrow(() -> ProblemException.notFound("User"));
    }

    private Map<UUID, String> roleCodes(List<UUID> userIds, UUID organizationId) {
        List<Membership> found = memberships.findByUserIdInAndOrganizationId(userIds, organizationId);
        Map<UUID, String> codeByRole = roles.findByIdIn(found.stream().map(Membership::roleId).toList()).stream()
                .collect(Collectors.toMap(Role::getId, Role::code));
        return found.stream().collect(Collectors.toMap(Membership::userId, m -> codeByRole.get(m.roleId()),
                (a, b) -> a));
    }

    private UserView view(User user, UUID organizationId, String roleCode) {
        return new UserView(user.getId(), user.email(), user.name(), user.phone(), user.status().name(),
                user.emailVerified(), user.lastSignInAt(), user.createdAt(), organizationId, roleCode,
                attempts.lockedFor(user.email()).isPresent());
    }
}

package app.covenant.identity.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.identity.IdentityProperties;
import app.covenant.identity.PartyInvitations;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.shared.web.DottedDomainValidator;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inviting someone into an organization: a pending membership and a link bound to it, whether the
 * address is new or already has an account. Nobody joins without accepting, and the answer is the
 * same either way, so an invitation tells the inviter nothing about an account.
 */
@Service
public class Invitations implements PartyInvitations {

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final RoleRepository roles;
    private final OrganizationRepository organizations;
    private final Grants grants;
    private final OneTimeLinks links;
    private final MemberViews views;
    private final AuditTrail audit;
    private final IdentityProperties properties;
    private final Clock clock;

    Invitations(UserRepository users, MembershipRepository memberships, RoleRepository roles,
                OrganizationRepository organizations, Grants grants, OneTimeLinks links, MemberViews views,
                AuditTrail audit, IdentityProperties properties, Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.roles = roles;
        this.organizations = organizations;
        this.grants = grants;
        this.links = links;
        this.views = views;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long an invitation link works, in words; the e-mail says the same (from the same duration). */
    public String validity() {
        return LinkLifetime.describe(properties.invitationTtl());
    }

    @Transactional
    public UserView invite(Caller caller, String email, String name, String roleCode, UUID organizationId) {
        UUID target = organizationId == null ? caller.organizationId() : organizationId;
        if (!caller.canSee(target)) {
            throw ProblemException.notFound("Organization");
        }
        Organization organization = organizations.findById(target)
                .orElseThrow(() -> ProblemException.notFound("Organization"));
        if (!DottedDomainValidator.isDeliverable(email)) {
            // The pages and the API check this too; a caller that skipped them gets the same answer.
            throw ProblemException.invalid("email", "needs a domain with a dot, such as name@example.com");
        }
        Role role = grants.assignable(caller, roleCode, target);
        String invitedName = name == null || name.isBlank() ? null : name.trim();
        User user = users.findByEmailNormalized(User.normalize(email)).orElse(null);
        if (user != null) {
            memberships.findByUserIdAndOrganizationId(user.getId(), target).ifPresent(existing -> {
                throw ProblemException.conflict(existing.pending()
                        ? "This person is already invited to " + organization.name() + "; send the invitation again "
                        + "from their page."
                        : "This person is already a member of " + organization.name() + ".");
            });
        } else {
            user = users.save(new User(email, invitedName == null ? email.trim() : invitedName, User.Status.INVITED,
                    clock.instant()));
        }
        Membership membership = memberships.save(Membership.invited(user.getId(), target, role.getId(),
                clock.instant(), caller.userId(), invitedName));
        sendLink(caller, user, membership, organization, role);
        audit.record(AuditEntry.of("identity", "user.invited").actor(caller.userId(), caller.email())
                .organization(target).target("user", user.getId())
                .after(Map.of("email", User.normalize(email), "role", role.code())));
        return views.of(caller, membership);
    }

    /**
     * A party invited by a module that has authorised the inviter for this person (see {@link PartyInvitations}):
     * only a party system role, and an existing member or invitee is answered, not invited twice.
     */
    @Override
    @Transactional
    public Invited invite(Caller inviter, String email, String name, PartyRole partyRole) {
        if (email == null || !DottedDomainValidator.isDeliverable(email)) {
            throw ProblemException.invalid("email", "needs a domain with a dot, such as name@example.com");
        }
        UUID target = inviter.organizationId();
        User existing = users.findByEmailNormalized(User.normalize(email)).orElse(null);
        if (existing != null && memberships.findByUserIdAndOrganizationId(existing.getId(), target).isPresent()) {
            return new Invited(existing.getId(), false);
        }
        Organization organization = organizations.findById(target).orElseThrow(() -> ProblemException.notFound("Organization"));
        Role role = roles.findSystem(partyRole.name()).orElseThrow();
        String invitedName = name == null || name.isBlank() ? null : name.trim();
        User user = existing != null ? existing : users.save(new User(email,
                invitedName == null ? email.trim() : invitedName, User.Status.INVITED, clock.instant()));
        Membership membership = memberships.save(Membership.invited(user.getId(), target, role.getId(),
                clock.instant(), inviter.userId(), invitedName));
        sendLink(inviter, user, membership, organization, role);
        audit.record(AuditEntry.of("identity", "user.invited").actor(inviter.userId(), inviter.email())
                .organization(target).target("user", user.getId())
                .after(Map.of("email", User.normalize(email), "role", role.code())));
        return new Invited(user.getId(), true);
    }

    /**
     * A fresh link for an invitation not accepted yet (the first e-mail was lost, or its link expired);
     * the older link to the same membership stops working, other organizations' links do not.
     */
    @Transactional
    public UserView resend(Caller caller, UUID id) {
        Membership membership = memberships.findByUserIdAndOrganizationId(id, caller.organizationId())
                .orElseThrow(() -> ProblemException.notFound("User"));
        User user = users.findById(id).orElseThrow();
        if (!membership.pending()) {
            throw ProblemException.conflict(user.name() + " has already accepted the invitation.");
        }
        Organization organization = organizations.findById(caller.organizationId()).orElseThrow();
        Role role = roles.findById(membership.roleId()).orElseThrow(() -> ProblemException.notFound("Role"));
        sendLink(caller, user, membership, organization, role);
        audit.record(AuditEntry.of("identity", "user.invitation-resent").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("user", id));
        return views.of(caller, membership);
    }

    private void sendLink(Caller caller, User user, Membership membership, Organization organization, Role role) {
        // The e-mail lands in the inviting organization's outbox too: it carries nothing of the account.
        links.sendInvitation(user, membership, properties.invitationTtl(),
                caller.name() + " invited you to " + organization.name() + " on Covenant",
                Map.of("inviterName", caller.name(), "organizationName", organization.name(), "roleName", role.name(),
                        "name", MemberViews.invitedName(membership, user)));
    }
}

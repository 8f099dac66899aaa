package app.covenant.identity.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.identity.events.InvitationAccepted;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepting an invitation joins exactly the organization of that link, with the role it offers. A new
 * address chooses a name and a password; an existing account proves it is theirs — signed in already,
 * or with its password (counted by the lockout like any sign-in) — and keeps its password. Either way
 * the person is signed in to the organization they joined. bcrypt runs outside the transaction.
 */
@Service
public class InvitationAcceptance {

    /**
     * What an invitation link offers, for its page.
     *
     * @param name the name the inviter typed for the person, {@code null} when they typed none
     */
    public record InvitationView(String email, String name, String organizationName, String roleName,
                                 String inviterName) {
    }

    private final OneTimeLinks links;
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final OrganizationRepository organizations;
    private final RoleRepository roles;
    private final RefreshTokenRepository refreshTokens;
    private final Sessions sessions;
    private final LoginAttempts attempts;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InvitationAcceptance(OneTimeLinks links, UserRepository users, MembershipRepository memberships,
                         OrganizationRepository organizations, RoleRepository roles,
                         RefreshTokenRepository refreshTokens, Sessions sessions, LoginAttempts attempts,
                         PasswordPolicy policy, PasswordEncoder passwords, AuditTrail audit,
                         ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.links = links;
        this.users = users;
        this.memberships = memberships;
        this.organizations = organizations;
        this.roles = roles;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.attempts = attempts;
        this.policy = policy;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The invitation behind a link that still works, without using it. */
    @Transactional(readOnly = true)
    public Optional<InvitationView> describe(String token) {
        return links.peek(token, UserToken.Purpose.INVITATION).flatMap(this::pendingMembership).map(membership -> {
            User user = users.findById(membership.userId()).orElseThrow();
            String inviter = membership.invitedBy() == null ? "Covenant"
                    : users.findById(membership.invitedBy()).map(User::name).orElse("Covenant");
            return new InvitationView(MemberViews.invitedAddress(user), membership.invitedName(),
                    organizations.findById(membership.organizationId()).orElseThrow().name(),
                    roles.findById(membership.roleId()).orElseThrow().name(), inviter);
        });
    }

    /**
     * What became of an invitation link, without using it. A link to an invitation withdrawn, declined or
     * accepted through another link is {@link LinkStatus#UNKNOWN} unless the link itself was used or ran out.
     */
    @Transactional(readOnly = true)
    public LinkStatus status(String token) {
        LinkStatus status = links.status(token, UserToken.Purpose.INVITATION);
        if (status != LinkStatus.USABLE) {
            return status;
        }
        return links.peek(token, UserToken.Purpose.INVITATION).flatMap(this::pendingMembership).isPresent()
                ? LinkStatus.USABLE : LinkStatus.UNKNOWN;
    }

    /** Whether the link is for the signed-in caller's own account. */
    @Transactional(readOnly = true)
    public boolean isFor(Caller caller, String token) {
        return links.peek(token, UserToken.Purpose.INVITATION).filter(t -> t.userId().equals(caller.userId()))
                .isPresent();
    }

    /**
     * Accepts the invitation of the link. {@code caller} is the signed-in person (or {@code null}): then
     * neither name nor password is needed. Otherwise a new address sets {@code name} and
     * {@code password}, and an existing account gives its {@code password}.
     */
    public SignedIn accept(Caller caller, String token, String name, String password, ClientInfo client) {
        UserToken link = links.peek(token, UserToken.Purpose.INVITATION).orElseThrow(OneTimeLinks::invalidLink);
        User invitee = users.findById(link.userId()).orElseThrow();
        if (caller != null) {
            if (!caller.userId().equals(invitee.getId())) {
                throw ProblemException.invalid("token", "this invitation is for another account; sign out and "
                        + "open the link again");
            }
            return transactions.execute(status -> {
                Membership joined = join(token, caller.userId());
                RefreshToken session = refreshTokens.findFirstByFamilyIdAndStatus(caller.sessionId(),
                        RefreshToken.Status.ACTIVE).orElseThrow(() -> new ProblemException(401, "The session has ended."));
                return sessions.continueSession(session, joined.organizationId(), client);
            });
        }
        return invitee.passwordHash() == null ? acceptAsNewAccount(token, invitee, name, password, client)
                : acceptWithPassword(token, invitee, password, client);
    }

    private SignedIn acceptAsNewAccount(String token, User invitee, String name, String password, ClientInfo client) {
        if (name == null || name.isBlank()) {
            throw ProblemException.invalid("name", "must not be blank");
        }
        policy.check(password, invitee.email(), "password");
        String hash = passwords.encode(password);
        return transactions.execute(status -> {
            User user = users.findById(invitee.getId()).orElseThrow();
            if (user.passwordHash() != null) {
                // Another invitation of this address was accepted meanwhile: the account exists now.
                throw ProblemException.invalid("password", "this address has an account now; enter its password");
            }
            // The first password of a new account: no "your password was changed" e-mail.
            user.changePassword(hash, clock.instant());
            user.activate(name.trim(), clock.instant());
            return startSession(user, join(token, user.getId()), client);
        });
    }

    private SignedIn acceptWithPassword(String token, User invitee, String password, ClientInfo client) {
        Optional<Duration> locked = attempts.lockedFor(invitee.email());
        if (locked.isPresent()) {
            throw SignInService.lockedFor(locked.get());
        }
        boolean matches = password != null && passwords.matches(password, invitee.passwordHash());
        if (!matches || !invitee.isActive()) {
            attempts.recordFailure(invitee.email());
            transactions.executeWithoutResult(status -> audit.record(AuditEntry.of("identity", "auth.sign-in.failed")
                    .actor(invitee.getId(), invitee.email()).target("user", invitee.getId())
                    .after(Map.of("reason", matches ? "inactive" : "wrong-password", "via", "invitation"))));
            throw ProblemException.invalid("password", "is not the password of the account with this address");
        }
        attempts.clear(invitee.email());
        return transactions.execute(status -> {
            User user = users.findById(invitee.getId()).orElseThrow();
            Membership joined = join(token, user.getId());
            user.verifyEmail(clock.instant());
            return startSession(user, joined, client);
        });
    }

    /**
     * Declines the invitation of the link: its pending membership is withdrawn and the link stops working;
     * the account, if there is one, and other organizations' invitations stay as they are.
     */
    @Transactional
    public void decline(String token) {
        UserToken used = links.consume(token, UserToken.Purpose.INVITATION);
        Membership membership = pendingMembership(used).orElseThrow(OneTimeLinks::invalidLink);
        User user = users.findById(membership.userId()).orElseThrow();
        memberships.delete(membership);
        audit.record(AuditEntry.of("identity", "user.invitation.declined").actor(user.getId(), user.email())
                .organization(membership.organizationId()).target("user", user.getId()));
    }

    /** Uses the link and turns its own membership active: exactly that organization, that role. */
    private Membership join(String token, UUID userId) {
        UserToken used = links.consume(token, UserToken.Purpose.INVITATION);
        Membership membership = pendingMembership(used).filter(found -> found.userId().equals(userId))
                .orElseThrow(OneTimeLinks::invalidLink);
        User user = users.findById(userId).orElseThrow();
        if (user.status() == User.Status.DEACTIVATED) {
            throw OneTimeLinks.invalidLink();
        }
        membership.accept();
        audit.record(AuditEntry.of("identity", "user.invitation.accepted").actor(user.getId(), user.email())
                .organization(membership.organizationId()).target("user", user.getId()));
        events.publishEvent(new InvitationAccepted(membership.organizationId(), user.getId(), membership.invitedBy(),
                user.email(), user.name(), clock.instant()));
        return membership;
    }

    private SignedIn startSession(User user, Membership joined, ClientInfo client) {
        user.signedIn(clock.instant());
        SignedIn signedIn = sessions.start(user, joined.organizationId(), client);
        audit.record(AuditEntry.of("identity", "auth.sign-in.succeeded").actor(user.getId(), user.email())
                .organization(joined.organizationId()).target("session", signedIn.sessionId()));
        return signedIn;
    }

    private Optional<Membership> pendingMembership(UserToken token) {
        return Optional.ofNullable(token.membershipId()).flatMap(memberships::findById).filter(Membership::pending);
    }
}

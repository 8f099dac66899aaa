package app.covenant.identity.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.identity.IdentityProperties;
import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own account: forgotten and changed passwords, e-mail verification (accepting an
 * invitation is {@link InvitationAcceptance}). A password change or reset ends the user's other sessions.
 */
@Service
public class AccountService {

    private final UserRepository users;
    private final MeReader me;
    private final OneTimeLinks links;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final Sessions sessions;
    private final EmailOutbox outbox;
    private final AuditTrail audit;
    private final IdentityProperties properties;
    private final PasswordResetRequests resetRequests;
    private final Clock clock;

    AccountService(UserRepository users, MeReader me, OneTimeLinks links,
                   PasswordPolicy policy, PasswordEncoder passwords, Sessions sessions, EmailOutbox outbox,
                   AuditTrail audit, IdentityProperties properties, PasswordResetRequests resetRequests,
                   Clock clock) {
        this.users = users;
        this.me = me;
        this.links = links;
        this.policy = policy;
        this.passwords = passwords;
        this.sessions = sessions;
        this.outbox = outbox;
        this.audit = audit;
        this.properties = properties;
        this.resetRequests = resetRequests;
        this.clock = clock;
    }

    public Me describe(Caller caller) {
        return me.describe(caller);
    }

    /**
     * Always succeeds from the caller's point of view and returns at once, before the address is even
     * looked up, so neither the answer nor its timing tells whether an e-mail is known.
     */
    public void forgotPassword(String email, ClientInfo client) {
        resetRequests.submit(email, client);
    }

    /** Whether a reset link still works, without using it: its page says so before a password is typed. */
    @Transactional(readOnly = true)
    public LinkStatus resetLinkStatus(String token) {
        return links.status(token, UserToken.Purpose.PASSWORD_RESET);
    }

    @Transactional
    public void resetPassword(String token, String newPassword) {
        UserToken used = links.consume(token, UserToken.Purpose.PASSWORD_RESET);
        User user = users.findById(used.userId()).orElseThrow();
        setPassword(user, newPassword, "newPassword");
        sessions.revokeAllOf(user.getId(), null, "password-reset");
        audit.record(AuditEntry.of("identity", "auth.password.reset").actor(user.getId(), user.email())
                .target("user", user.getId()));
    }

    @Transactional
    public void changePassword(Caller caller, String currentPassword, String newPassword) {
        User user = users.findById(caller.userId()).orElseThrow();
        if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash())) {
            throw ProblemException.invalid("currentPassword", "is not your current password");
        }
        setPassword(user, newPassword, "newPassword");
        sessions.revokeAllOf(user.getId(), caller.sessionId(), "password-changed");
        audit.record(AuditEntry.of("identity", "auth.password.changed").actor(user.getId(), user.email())
                .organization(caller.organizationId()).target("user", user.getId()));
    }

    @Transactional
    public void sendEmailVerification(Caller caller) {
        User user = users.findById(caller.userId()).orElseThrow();
        if (user.emailVerified()) {
            throw ProblemException.conflict("Your e-mail address is already verified.");
        }
        links.send(user, UserToken.Purpose.EMAIL_VERIFICATION, null, properties.emailVerificationTtl(),
                "/verify-email", "email-verification", "Confirm your e-mail address", Map.of());
    }

    @Transactional
    public void verifyEmail(String token) {
        UserToken used = links.consume(token, UserToken.Purpose.EMAIL_VERIFICATION);
        User user = users.findById(used.userId()).orElseThrow();
        user.verifyEmail(clock.instant());
        audit.record(AuditEntry.of("identity", "auth.email.verified").actor(user.getId(), user.email())
                .target("user", user.getId()));
    }

    private void setPassword(User user, String newPassword, String field) {
        policy.check(newPassword, user.email(), field);
        user.changePassword(passwords.encode(newPassword), clock.instant());
        outbox.enqueue(new OutgoingEmail(user.email(), "Your Covenant password was changed", "password-changed",
                Map.of("name", user.name(), "changedAt", clock.instant()), null));
    }
}

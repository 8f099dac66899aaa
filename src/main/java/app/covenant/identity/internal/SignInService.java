package app.covenant.identity.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.audit.AuditVisibility;
import app.covenant.identity.IdentityProperties;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in, refresh, sign-out and organization switch. Wrong password and unknown e-mail are refused
 * with the same message after the same work (a bcrypt comparison), so neither reveals the other.
 */
@Service
public class SignInService {

    static final String INVALID_CREDENTIALS = "Invalid e-mail or password.";

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final RefreshTokenRepository refreshTokens;
    private final Sessions sessions;
    private final LoginAttempts attempts;
    private final PasswordEncoder passwords;
    private final AccessTokenRevocations revocations;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final IdentityProperties properties;
    private final Clock clock;
    private final String dummyHash;

    SignInService(UserRepository users, MembershipRepository memberships, RefreshTokenRepository refreshTokens,
                  Sessions sessions, LoginAttempts attempts, PasswordEncoder passwords,
                  AccessTokenRevocations revocations, AuditTrail audit, TransactionTemplate transactions,
                  IdentityProperties properties, Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.attempts = attempts;
        this.passwords = passwords;
        this.revocations = revocations;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = passwords.encode(SecretTokens.newSecret());
    }

    public SignedIn signIn(String email, String password, ClientInfo client) {
        Optional<Duration> locked = attempts.lockedFor(email);
        if (locked.isPresent()) {
            record(AuditEntry.of("identity", "auth.sign-in.refused-locked").actor(null, email));
            throw lockedFor(locked.get());
        }
        Optional<User> found = users.findByEmailNormalized(User.normalize(email));
        String hash = found.map(User::passwordHash).filter(h -> h != null).orElse(dummyHash);
        boolean matches = passwords.matches(password == null ? "" : password, hash);
        if (found.isEmpty() || !matches || !found.get().isActive()) {
            Optional<Duration> lockedNow = attempts.recordFailure(email);
            // Known users' failures go to their organization's log, so its administrators see them.
            UUID organizationId = found.flatMap(user -> memberships.findActiveByUserId(user.getId())
                    .stream().findFirst().map(Membership::organizationId)).orElse(null);
            record(AuditEntry.of("identity", "auth.sign-in.failed").actor(found.map(User::getId).orElse(null), email)
                    .organization(organizationId)
                    .after(Map.of("reason", found.isEmpty() ? "unknown-email" : !matches ? "wrong-password" : "inactive")));
            if (lockedNow.isPresent()) {
                record(AuditEntry.of("identity", "auth.account.locked").actor(found.map(User::getId).orElse(null), email)
                        .organization(organizationId)
                        .after(Map.of("lockedForSeconds", lockedNow.get().toSeconds())));
            }
            throw new ProblemException(401, INVALID_CREDENTIALS);
        }
        attempts.clear(email);
        return transactions.execute(status -> {
            User user = users.findById(found.get().getId()).orElseThrow();
            UUID organizationId = defaultOrganization(user);
            user.signedIn(clock.instant());
            SignedIn signedIn = sessions.start(user, organizationId, client);
            audit.record(AuditEntry.of("identity", "auth.sign-in.succeeded").actor(user.getId(), user.email())
                    .organization(organizationId).target("session", signedIn.sessionId()));
            return signedIn;
        });
    }

    public SignedIn refresh(String refreshToken, ClientInfo client) {
        // Refusals return null instead of throwing, so a detected reuse still commits the revocation.
        SignedIn result = transactions.execute(status -> {
            RefreshToken current = find(refreshToken);
            if (current.status() == RefreshToken.Status.ROTATED && reusedByItsRotatorJustNow(current, client)) {
                // Two tabs refreshed with the same token at once: the loser gets a pair of the same session.
                return activeUser(current) ? sessions.branchSession(current, client) : null;
            }
            if (current.status() != RefreshToken.Status.ACTIVE) {
                if (current.status() == RefreshToken.Status.ROTATED) {
                    // A rotated token used again: someone holds a copy. End the whole session.
                    sessions.revoke(current.familyId(), "reuse-detected");
                    audit.record(AuditEntry.of("identity", "auth.refresh-token.reused")
                            .actor(current.userId(), null).organization(current.organizationId())
                            .target("session", current.familyId()).visibility(AuditVisibility.INTERNAL));
                }
                return null;
            }
            if (!current.expiresAt().isAfter(clock.instant()) || !activeUser(current)) {
                return null;
            }
            return sessions.continueSession(current, current.organizationId(), client);
        });
        if (result == null) {
            throw refusedException();
        }
        return result;
    }

    /**
     * A rotated token presented again within the leeway, by the very client (address and browser) that
     * rotated it, is a race between its own tabs, not a stolen copy: a thief elsewhere, or anyone after
     * the leeway, still ends the session. The verifier was checked before this is asked.
     */
    private boolean reusedByItsRotatorJustNow(RefreshToken rotated, ClientInfo client) {
        Instant now = clock.instant();
        if (properties.refreshReuseLeeway().isZero() || rotated.rotatedAt() == null || rotated.replacedBy() == null
                || !rotated.expiresAt().isAfter(now)
                || now.isAfter(rotated.rotatedAt().plus(properties.refreshReuseLeeway()))) {
            return false;
        }
        return refreshTokens.findById(rotated.replacedBy())
                .filter(successor -> Objects.equals(successor.ipAddress(), client.ipAddress())
                        && Objects.equals(successor.userAgent(), client.userAgent()))
                .isPresent();
    }

    private boolean activeUser(RefreshToken token) {
        return users.findById(token.userId()).filter(User::isActive).isPresent();
    }

    public void signOut(Caller caller, String jti, Instant accessExpiresAt) {
        transactions.executeWithoutResult(status -> {
            sessions.revoke(caller.sessionId(), "signed-out");
            revocations.revoke(jti, caller.userId(), accessExpiresAt);
            audit.record(AuditEntry.of("identity", "auth.signed-out").actor(caller.userId(), caller.email())
                    .organization(caller.organizationId()).target("session", caller.sessionId()));
        });
    }

    public SignedIn switchOrganization(Caller caller, UUID organizationId, ClientInfo client) {
        return transactions.execute(status -> {
            boolean member = memberships.isMember(caller.userId(), organizationId);
            if (!member && !sessions.isSuperAdmin(caller.userId())) {
                throw ProblemException.notFound("Organization");
            }
            RefreshToken current = refreshTokens.findFirstByFamilyIdAndStatus(caller.sessionId(),
                    RefreshToken.Status.ACTIVE).orElseThrow(() -> new ProblemException(401, "The session has ended."));
            SignedIn signedIn = sessions.continueSession(current, organizationId, client);
            audit.record(AuditEntry.of("identity", "auth.organization.switched").actor(caller.userId(), caller.email())
                    .organization(organizationId).before(Map.of("organizationId", caller.organizationId().toString())));
            return signedIn;
        });
    }

    private UUID defaultOrganization(User user) {
        List<Membership> all = memberships.findActiveByUserId(user.getId());
        if (all.isEmpty()) {
            throw new ProblemException(401, INVALID_CREDENTIALS);
        }
        return all.getFirst().organizationId();
    }

    private RefreshToken find(String refreshToken) {
        int dot = refreshToken == null ? -1 : refreshToken.indexOf('.');
        if (dot <= 0) {
            throw refusedException();
        }
        RefreshToken token = refreshTokens.findBySelector(refreshToken.substring(0, dot))
                .orElseThrow(SignInService::refusedException);
        if (!SecretTokens.matches(refreshToken.substring(dot + 1), token.verifierHash())) {
            throw refusedException();
        }
        return token;
    }

    private void record(AuditEntry entry) {
        transactions.executeWithoutResult(status -> audit.record(entry));
    }

    private static ProblemException refusedException() {
        return new ProblemException(401, "The refresh token is not valid. Sign in again.");
    }

    static ProblemException lockedFor(Duration remaining) {
        long seconds = Math.max(1, remaining.toSeconds());
        long minutes = Math.max(1, (seconds + 59) / 60);
        return new ProblemException(423, "Too many failed sign-ins. Try again in " + minutes + " minute"
                + (minutes == 1 ? "" : "s") + ".", List.of(), Map.of("Retry-After", String.valueOf(seconds)));
    }
}

package app.covenant.identity.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own sessions: see where they are signed in, end any of them. */
@Service
public class SessionAdministration {

    private final RefreshTokenRepository refreshTokens;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final Clock clock;

    SessionAdministration(RefreshTokenRepository refreshTokens, Sessions sessions, AuditTrail audit, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SessionView> mine(Caller caller) {
        return refreshTokens.findByUserIdAndStatusOrderByIssuedAtDesc(caller.userId(), RefreshToken.Status.ACTIVE)
                .stream()
                .filter(token -> token.expiresAt().isAfter(clock.instant()))
                .filter(distinctFamily()) // tabs that refreshed at once hold one session's tokens each
                .map(token -> new SessionView(token.familyId(), token.familyStartedAt(), token.issuedAt(),
                        token.expiresAt(), token.ipAddress(), token.userAgent(),
                        token.familyId().equals(caller.sessionId())))
                .toList();
    }

    @Transactional
    public void revoke(Caller caller, UUID sessionId) {
        RefreshToken token = refreshTokens.findFirstByFamilyIdAndStatus(sessionId, RefreshToken.Status.ACTIVE)
                .filter(found -> found.userId().equals(caller.userId()))
                .orElseThrow(() -> ProblemException.notFound("Session"));
        sessions.revoke(token.familyId(), "revoked-by-user");
        audit.record(AuditEntry.of("identity", "auth.session.revoked").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("session", sessionId));
    }

    private static Predicate<RefreshToken> distinctFamily() {
        Set<UUID> seen = new HashSet<>();
        return token -> seen.add(token.familyId());
    }
}

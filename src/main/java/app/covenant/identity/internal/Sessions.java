package app.covenant.identity.internal;

import app.covenant.identity.IdentityProperties;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions are refresh-token families: started at sign-in, rotated at every refresh, revoked at
 * sign-out, on theft detection, or when the password changes. Access tokens carry the family id
 * ({@code sid}), so revoking a family stops its access tokens at once.
 */
@Component
class Sessions {

    private final RefreshTokenRepository refreshTokens;
    private final UserRepository users;
    private final RoleRepository roles;
    private final MembershipRepository memberships;
    private final AccessTokens accessTokens;
    private final IdentityProperties properties;
    private final Clock clock;

    Sessions(RefreshTokenRepository refreshTokens, UserRepository users, RoleRepository roles,
             MembershipRepository memberships, AccessTokens accessTokens, IdentityProperties properties, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.roles = roles;
        this.memberships = memberships;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new session for a user in an organization where they hold a role. */
    @Transactional(propagation = Propagation.MANDATORY)
    SignedIn start(User user, UUID organizationId, ClientInfo client) {
        Instant now = clock.instant();
        return issue(user, organizationId, UUID.randomUUID(), now, client);
    }

    /** The next token of the same session, possibly for another organization (switch). */
    @Transactional(propagation = Propagation.MANDATORY)
    SignedIn continueSession(RefreshToken current, UUID organizationId, ClientInfo client) {
        Instant now = clock.instant();
        User user = users.findById(current.userId()).orElseThrow();
        Issued next = issueToken(user, organizationId, current.familyId(), current.familyStartedAt(), client);
        current.rotate(now, next.refreshTokenId());
        return next.signedIn();
    }

    /**
     * Another token of the same session for a just-rotated one, leaving the rotation as it is: the
     * parallel tab that lost the race to refresh gets a pair of its own instead of ending the session.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    SignedIn branchSession(RefreshToken rotated, ClientInfo client) {
        User user = users.findById(rotated.userId()).orElseThrow();
        return issue(user, rotated.organizationId(), rotated.familyId(), rotated.familyStartedAt(), client);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void revoke(UUID familyId, String reason) {
        refreshTokens.revokeFamily(familyId, clock.instant(), reason);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void revokeAllOf(UUID userId, UUID exceptFamily, String reason) {
        refreshTokens.revokeAllOfUser(userId, exceptFamily, clock.instant(), reason);
    }

    /** The role codes the user holds in the organization (a super admin holds theirs everywhere). */
    List<String> rolesIn(UUID userId, UUID organizationId) {
        List<UUID> roleIds = memberships.findActiveByUserId(userId).stream()
                .filter(m -> m.organizationId().equals(organizationId)).map(Membership::roleId).toList();
        List<String> codes = roles.findByIdIn(roleIds).stream().map(Role::code).toList();
        if (codes.isEmpty() && isSuperAdmin(userId)) {
            return List.of(Caller.SUPER_ADMIN);
        }
        return codes;
    }

    boolean isSuperAdmin(UUID userId) {
        List<UUID> roleIds = memberships.findActiveByUserId(userId).stream().map(Membership::roleId).toList();
        return roles.findByIdIn(roleIds).stream()
                .anyMatch(role -> role.system() && Caller.SUPER_ADMIN.equals(role.code()));
    }

    private SignedIn issue(User user, UUID organizationId, UUID familyId, Instant familyStartedAt, ClientInfo client) {
        return issueToken(user, organizationId, familyId, familyStartedAt, client).signedIn();
    }

    private Issued issueToken(User user, UUID organizationId, UUID familyId, Instant familyStartedAt,
                              ClientInfo client) {
        List<String> roleCodes = rolesIn(user.getId(), organizationId);
        if (roleCodes.isEmpty()) {
            throw ProblemException.notFound("Organization");
        }
        Instant now = clock.instant();
        String selector = SecretTokens.newSelector();
        String verifier = SecretTokens.newSecret();
        Instant refreshExpiresAt = now.plus(properties.refreshTokenTtl());
        RefreshToken refresh = refreshTokens.save(new RefreshToken(selector, SecretTokens.hash(verifier), familyId,
                user.getId(), organizationId, now, refreshExpiresAt, familyStartedAt, client.ipAddress(),
                client.userAgent()));
        AccessTokens.Issued access = accessTokens.issue(user.getId(), organizationId, roleCodes, familyId);
        return new Issued(new SignedIn(access.value(), access.expiresAt(), selector + "." + verifier, refreshExpiresAt,
                familyId, new SignedIn.SignedInUser(user.getId(), user.email(), user.name(), organizationId, roleCodes)),
                refresh.getId());
    }

    private record Issued(SignedIn signedIn, UUID refreshTokenId) {
    }
}

package app.covenant.identity.internal;

import app.covenant.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A single-use link sent by e-mail (reset, verification, invitation); only its hash is kept. */
@Entity
@Table(name = "user_tokens")
class UserToken extends AssignedIdEntity {

    enum Purpose { PASSWORD_RESET, EMAIL_VERIFICATION, INVITATION }

    @Column(nullable = false)
    private UUID userId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;
    @Column(nullable = false, unique = true)
    private String tokenHash;
    private UUID organizationId;
    /** The membership an invitation link accepts: one link, one organization, one role. */
    private UUID membershipId;
    @Column(nullable = false)
    private Instant expiresAt;
    private Instant usedAt;
    @Column(nullable = false)
    private Instant createdAt;

    protected UserToken() {
    }

    UserToken(UUID userId, Purpose purpose, String tokenHash, UUID organizationId, Instant now, Instant expiresAt) {
        this.userId = userId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.organizationId = organizationId;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** An invitation link to the pending {@code membership}. */
    static UserToken invitation(Membership membership, String tokenHash, Instant now, Instant expiresAt) {
        UserToken token = new UserToken(membership.userId(), Purpose.INVITATION, tokenHash, membership.organizationId(),
                now, expiresAt);
        token.membershipId = membership.getId();
        return token;
    }

    UUID userId() {
        return userId;
    }

    Purpose purpose() {
        return purpose;
    }

    UUID organizationId() {
        return organizationId;
    }

    UUID membershipId() {
        return membershipId;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Used (or replaced by a newer link, which marks it used) before expired: a used link says so. */
    LinkStatus status(Instant now) {
        return usedAt != null ? LinkStatus.USED : now.isBefore(expiresAt) ? LinkStatus.USABLE : LinkStatus.EXPIRED;
    }

    void use(Instant now) {
        this.usedAt = now;
    }
}

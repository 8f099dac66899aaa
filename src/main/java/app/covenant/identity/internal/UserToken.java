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

    UUID userId() {
        return userId;
    }

    Purpose purpose() {
        return purpose;
    }

    UUID organizationId() {
        return organizationId;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        this.usedAt = now;
    }
}

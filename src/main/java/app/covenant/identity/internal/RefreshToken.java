package app.covenant.identity.internal;

import app.covenant.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One refresh token of a session ("family"). Each use rotates it: this row becomes {@code ROTATED}
 * and a new one is issued in the same family; presenting a rotated token again means it was stolen.
 */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken extends AssignedIdEntity {

    enum Status { ACTIVE, ROTATED, REVOKED }

    @Column(nullable = false, unique = true)
    private String selector;
    @Column(nullable = false)
    private String verifierHash;
    @Column(nullable = false)
    private UUID familyId;
    @Column(nullable = false)
    private UUID userId;
    @Column(nullable = false)
    private UUID organizationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private Instant issuedAt;
    @Column(nullable = false)
    private Instant expiresAt;
    private Instant rotatedAt;
    private UUID replacedBy;
    private Instant revokedAt;
    private String revokedReason;
    @Column(nullable = false)
    private Instant familyStartedAt;
    private String ipAddress;
    private String userAgent;

    protected RefreshToken() {
    }

    RefreshToken(String selector, String verifierHash, UUID familyId, UUID userId, UUID organizationId,
                 Instant now, Instant expiresAt, Instant familyStartedAt, String ipAddress, String userAgent) {
        this.selector = selector;
        this.verifierHash = verifierHash;
        this.familyId = familyId;
        this.userId = userId;
        this.organizationId = organizationId;
        this.status = Status.ACTIVE;
        this.issuedAt = now;
        this.expiresAt = expiresAt;
        this.familyStartedAt = familyStartedAt;
        this.ipAddress = ipAddress;
        this.userAgent = userAgent;
    }

    String verifierHash() {
        return verifierHash;
    }

    UUID familyId() {
        return familyId;
    }

    UUID userId() {
        return userId;
    }

    UUID organizationId() {
        return organizationId;
    }

    Status status() {
        return status;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant familyStartedAt() {
        return familyStartedAt;
    }

    String ipAddress() {
        return ipAddress;
    }

    String userAgent() {
        return userAgent;
    }

    Instant rotatedAt() {
        return rotatedAt;
    }

    UUID replacedBy() {
        return replacedBy;
    }

    void rotate(Instant now, UUID successor) {
        this.status = Status.ROTATED;
        this.rotatedAt = now;
        this.replacedBy = successor;
    }
}

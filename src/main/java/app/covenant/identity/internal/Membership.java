package app.covenant.identity.internal;

import app.covenant.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's role in one organization; a user may belong to several. */
@Entity
@Table(name = "memberships")
class Membership extends AssignedIdEntity {

    @Column(nullable = false)
    private UUID userId;
    @Column(nullable = false)
    private UUID organizationId;
    @Column(nullable = false)
    private UUID roleId;
    @Column(nullable = false)
    private Instant createdAt;

    protected Membership() {
    }

    Membership(UUID userId, UUID organizationId, UUID roleId, Instant now) {
        this.userId = userId;
        this.organizationId = organizationId;
        this.roleId = roleId;
        this.createdAt = now;
    }

    UUID userId() {
        return userId;
    }

    UUID organizationId() {
        return organizationId;
    }

    UUID roleId() {
        return roleId;
    }

    Instant createdAt() {
        return createdAt;
    }

    void changeRole(UUID newRoleId) {
        this.roleId = newRoleId;
    }
}

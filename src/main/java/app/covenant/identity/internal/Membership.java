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
    private UUID invitedBy;

    protected Membership() {
    }

    Membership(UUID userId, UUID organizationId, UUID roleId, Instant now) {
        this.userId = userId;
        this.organizationId = organizationId;
        this.roleId = roleId;
        this.createdAt = now;
    }

    /** A membership made by an invitation of {@code invitedBy}, who hears when it is accepted. */
    Membership(UUID userId, UUID organizationId, UUID roleId, Instant now, UUID invitedBy) {
        this(userId, organizationId, roleId, now);
        this.invitedBy = invitedBy;
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

    UUID invitedBy() {
        return invitedBy;
    }

    void changeRole(UUID newRoleId) {
        this.roleId = newRoleId;
    }
}

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
 * A user's role in one organization; a user may belong to several. An invitation makes a PENDING
 * membership that only the person turns ACTIVE (by its link); the organization's administrator may
 * suspend it. Only an ACTIVE membership lets the person work in the organization.
 */
@Entity
@Table(name = "memberships")
class Membership extends AssignedIdEntity {

    enum Status { PENDING, ACTIVE, SUSPENDED }

    @Column(nullable = false)
    private UUID userId;
    @Column(nullable = false)
    private UUID organizationId;
    @Column(nullable = false)
    private UUID roleId;
    @Column(nullable = false)
    private Instant createdAt;
    private UUID invitedBy;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String invitedName;

    protected Membership() {
    }

    /** An active membership (demo data, tests). */
    Membership(UUID userId, UUID organizationId, UUID roleId, Instant now) {
        this.userId = userId;
        this.organizationId = organizationId;
        this.roleId = roleId;
        this.createdAt = now;
        this.status = Status.ACTIVE;
    }

    /**
     * A membership waiting for its person to accept the invitation of {@code invitedBy} (who hears when
     * it is accepted); {@code invitedName} is what the organization sees of them until then.
     */
    static Membership invited(UUID userId, UUID organizationId, UUID roleId, Instant now, UUID invitedBy,
                              String invitedName) {
        Membership membership = new Membership(userId, organizationId, roleId, now);
        membership.status = Status.PENDING;
        membership.invitedBy = invitedBy;
        membership.invitedName = invitedName;
        return membership;
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

    Status status() {
        return status;
    }

    String invitedName() {
        return invitedName;
    }

    boolean pending() {
        return status == Status.PENDING;
    }

    void changeRole(UUID newRoleId) {
        this.roleId = newRoleId;
    }

    /** The name the organization knows a pending invitee by (a typo fixed before they accept). */
    void renameInvitation(String name) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("Only a pending invitation is renamed");
        }
        this.invitedName = name;
    }

    void accept() {
        if (status != Status.PENDING) {
            throw new IllegalStateException("Only a pending membership is accepted");
        }
        this.status = Status.ACTIVE;
    }

    void suspend() {
        this.status = Status.SUSPENDED;
    }

    void reinstate() {
        this.status = Status.ACTIVE;
    }
}

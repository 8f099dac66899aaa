package app.covenant.contracts.internal;

import app.covenant.contracts.ApprovalStatus;
import app.covenant.contracts.ApprovalType;
import app.covenant.shared.persistence.AssignedIdEntity;
import app.covenant.shared.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One approval of one round: LEGAL or FINANCE, decided once. Never deleted: a round that ends before it was decided
 * (a revision asked by the other type, a cancellation) marks it {@code closedAt} and leaves its status.
 */
@Entity
@Table(name = "contract_approvals")
class Approval extends AssignedIdEntity {

    @Column(nullable = false)
    private UUID contractId;
    @Column(nullable = false)
    private UUID organizationId;
    private int round;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalType type;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApprovalStatus status;
    private String comment;
    private UUID actorId;
    private Instant actedAt;
    private UUID escalatedBy;
    private Instant escalatedAt;
    private String escalationReason;
    private Instant closedAt;
    @Column(nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Approval() {
    }

    Approval(UUID contractId, UUID organizationId, int round, ApprovalType type, Instant now) {
        this.contractId = contractId;
        this.organizationId = organizationId;
        this.round = round;
        this.type = type;
        this.status = ApprovalStatus.PENDING;
        this.createdAt = now;
    }

    /** Open: undecided and its round still running. */
    boolean open() {
        return closedAt == null && (status == ApprovalStatus.PENDING || status == ApprovalStatus.ESCALATED);
    }

    void decide(ApprovalStatus decision, String comment, UUID actor, Instant now) {
        requireOpen();
        this.status = decision;
        this.comment = comment;
        this.actorId = actor;
        this.actedAt = now;
    }

    void escalate(String reason, UUID by, Instant now) {
        requireOpen();
        if (status != ApprovalStatus.PENDING) {
            throw ProblemException.conflict("The approval is " + status + ": only a pending one can be escalated.");
        }
        this.status = ApprovalStatus.ESCALATED;
        this.escalatedBy = by;
        this.escalatedAt = now;
        this.escalationReason = reason;
    }

    /**
     * The head of legal hands it back: pending again. Their note is legal's business (the activity keeps it, visible
     * to legal only), not the approval's comment, which the owner reads.
     */
    void returnToLegal() {
        if (status != ApprovalStatus.ESCALATED || closedAt != null) {
            throw ProblemException.conflict("The approval is " + status + ": only an escalated one can be returned.");
        }
        this.status = ApprovalStatus.PENDING;
    }

    void close(Instant now) {
        if (open()) {
            this.closedAt = now;
        }
    }

    private void requireOpen() {
        if (!open()) {
            throw ProblemException.conflict("The " + type + " approval of round " + round + " is " + status
                    + (closedAt != null ? " and its round is closed" : "") + ": it cannot be decided now.");
        }
    }

    UUID contractId() {
        return contractId;
    }

    UUID organizationId() {
        return organizationId;
    }

    int round() {
        return round;
    }

    ApprovalType type() {
        return type;
    }

    ApprovalStatus status() {
        return status;
    }

    String comment() {
        return comment;
    }

    UUID actorId() {
        return actorId;
    }

    Instant actedAt() {
        return actedAt;
    }

    UUID escalatedBy() {
        return escalatedBy;
    }

    Instant escalatedAt() {
        return escalatedAt;
    }

    String escalationReason() {
        return escalationReason;
    }

    Instant closedAt() {
        return closedAt;
    }

    Instant createdAt() {
        return createdAt;
    }
}

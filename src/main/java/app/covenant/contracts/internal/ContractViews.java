package app.covenant.contracts.internal;

import app.covenant.contracts.ApprovalView;
import app.covenant.contracts.ContractStatus;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.VersionView;

/** Entities to the module's public records. */
final class ContractViews {

    private ContractViews() {
    }

    static ContractView of(Contract c) {
        return new ContractView(c.getId(), c.organizationId(), c.reference(), c.title(), c.status(), c.templateId(),
                c.templateVersion(), c.counterpartyName(), c.counterpartyBusinessName(), c.counterpartyEmail(),
                c.startDate(), c.endDate(), c.amount() == null ? null : c.amount().toPlainString(), c.currency(),
                c.description(), c.bodyHtml(), c.annexures(), c.variables(), c.bodySha256(), c.documentId(),
                c.currentVersion(), c.approvalRound(), c.ownerId(), c.autoRenew(), c.renewalPeriodMonths(),
                c.noticePeriodDays(), c.submittedAt(), c.legalApprovedAt(), c.approvedAt(), c.revisionRequestedAt(),
                c.rejectedAt(), c.escalatedAt(), c.cancelledAt(), c.cancellationReason(), c.terminatedAt(),
                c.terminationDate(), c.terminationReason(), c.createdAt(), c.updatedAt(), c.version());
    }

    /** {@code withEscalation}: the escalation's author and reason are legal's business. */
    static ApprovalView of(Approval a, Contract contract, boolean withEscalation) {
        return of(a, contract.reference(), contract.title(), contract.status(), withEscalation);
    }

    /** The approval with its contract's reference, title and status (the queues read just those three). */
    static ApprovalView of(Approval a, String reference, String title, ContractStatus status, boolean withEscalation) {
        return new ApprovalView(a.getId(), a.contractId(), a.type(), a.status(), a.round(), a.comment(), a.actorId(),
                a.actedAt(), withEscalation ? a.escalatedBy() : null, a.escalatedAt(),
                withEscalation ? a.escalationReason() : null, a.closedAt(), a.createdAt(), reference, title, status);
    }

    static VersionView of(ContractVersion v, boolean withSnapshot) {
        return new VersionView(v.contractId(), v.number(), v.kind().name(), v.authorId(), v.createdAt(),
                v.restoredFrom(), v.changedFields(), withSnapshot ? v.fields() : null,
                withSnapshot ? v.bodyHtml() : null, withSnapshot ? v.annexures() : null,
                withSnapshot ? v.variables() : null, v.bodySha256(), v.documentId());
    }
}

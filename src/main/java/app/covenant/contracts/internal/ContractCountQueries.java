package app.covenant.contracts.internal;

import app.covenant.contracts.ApprovalStatus;
import app.covenant.contracts.ApprovalType;
import app.covenant.contracts.ContractCounts;
import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.ContractStatus;
import app.covenant.shared.security.Caller;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ContractCounts}: the same rows as {@link ApprovalWorkflow#pending}'s queues (an open approval of the type in
 * the status the queue holds, on a contract in the state that waits for it), counted in the database over the
 * approvals' queue index instead of loaded; visibility as {@link ContractAccess} (own or shared without
 * contract:read-all).
 */
@Service
class ContractCountQueries implements ContractCounts {

    private static final String VISIBLE = " and (:readsAll = true or c.ownerId = :user or c.id in "
            + "(select s.contractId from ContractShare s where s.userId = :user))";

    private final EntityManager entities;

    ContractCountQueries(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    @Transactional(readOnly = true)
    public long waiting(Caller caller, Queue queue) {
        if (caller.organizationId() == null || caller.userId() == null) {
            return 0;
        }
        return switch (queue) {
            case LEGAL -> caller.has(ContractPermissions.LEGAL_ACT)
                    ? approvals(caller, ApprovalType.LEGAL, ApprovalStatus.PENDING, ContractStatus.SENT_TO_LEGAL) : 0;
            case ESCALATED -> caller.has(ContractPermissions.LEGAL_HEAD)
                    ? approvals(caller, ApprovalType.LEGAL, ApprovalStatus.ESCALATED, ContractStatus.PENDING_LEGAL_HEAD)
                    : 0;
            case FINANCE -> caller.has(ContractPermissions.FINANCE_ACT)
                    ? approvals(caller, ApprovalType.FINANCE, ApprovalStatus.PENDING, ContractStatus.SENT_TO_FINANCE)
                    : 0;
        };
    }

    @Override
    @Transactional(readOnly = true)
    public long sentBackForRevision(Caller caller) {
        if (caller.organizationId() == null || caller.userId() == null) {
            return 0;
        }
        return entities.createQuery("select count(c) from Contract c where c.ownerId = :user "
                        + "and c.organizationId = :organization and c.status = :status", Long.class)
                .setParameter("user", caller.userId())
                .setParameter("organization", caller.organizationId())
                .setParameter("status", ContractStatus.REVISION_REQUESTED)
                .getSingleResult();
    }

    private long approvals(Caller caller, ApprovalType type, ApprovalStatus status, ContractStatus contractStatus) {
        TypedQuery<Long> query = entities.createQuery("select count(a) from Approval a, Contract c "
                        + "where c.id = a.contractId and a.organizationId = :organization and c.organizationId = :organization "
                        + "and a.type = :type "
                        + "and a.status = :status and a.closedAt is null and c.status = :contractStatus" + VISIBLE,
                Long.class);
        return query.setParameter("organization", caller.organizationId())
                .setParameter("type", type)
                .setParameter("status", status)
                .setParameter("contractStatus", contractStatus)
                .setParameter("readsAll", caller.has(ContractPermissions.READ_ALL))
                .setParameter("user", caller.userId())
                .getSingleResult();
    }
}

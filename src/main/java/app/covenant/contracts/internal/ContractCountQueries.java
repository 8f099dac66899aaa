package app.covenant.contracts.internal;

import app.covenant.contracts.ContractCounts;
import app.covenant.contracts.ContractStatus;
import app.covenant.shared.security.Caller;
import jakarta.persistence.EntityManager;
import java.util.EnumSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ContractCounts}: the queues counted by {@link ApprovalQueues} (the rows the queue pages list, counted over
 * the approvals' queue index instead of loaded), and the caller's contracts sent back for revision.
 */
@Service
class ContractCountQueries implements ContractCounts {

    private final EntityManager entities;
    private final ApprovalQueues queues;

    ContractCountQueries(EntityManager entities, ApprovalQueues queues) {
        this.entities = entities;
        this.queues = queues;
    }

    @Override
    @Transactional(readOnly = true)
    public long waiting(Caller caller, Queue queue) {
        return ApprovalQueues.decides(caller, queue) ? queues.count(caller, EnumSet.of(queue)) : 0;
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
}

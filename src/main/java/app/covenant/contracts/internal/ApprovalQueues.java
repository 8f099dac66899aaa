package app.covenant.contracts.internal;

import app.covenant.contracts.ApprovalStatus;
import app.covenant.contracts.ApprovalType;
import app.covenant.contracts.ApprovalView;
import app.covenant.contracts.ContractCounts.Queue;
import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.ContractStatus;
import app.covenant.shared.security.Caller;
import app.covenant.shared.web.Sorting;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * The approval queues' rows, counted (home cards, tabs) and paged (the queue API and page) by one WHERE: an open
 * approval of the queue's type and status on a contract in the state that waits for it, in the caller's
 * organization, visible as {@link ContractAccess} has it (own or shared without contract:read-all). A page reads the
 * approvals with three contract columns, never a contract's body, over {@code ix_contract_approvals_queue}.
 */
@Component
class ApprovalQueues {

    /** The fields a queue may be sorted by, and what each orders by. */
    private static final Map<String, String> SORTABLE = Map.of(
            "createdAt", "a.createdAt", "round", "a.round", "contractTitle", "c.title",
            "contractReference", "c.reference");
    private static final Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("createdAt"));

    private static final String FROM = " from Approval a, Contract c where c.id = a.contractId"
            + " and a.organizationId = :organization and c.organizationId = :organization and a.type = :type"
            + " and a.status in :statuses and a.closedAt is null and c.status in :contractStatuses"
            + " and (:readsAll = true or c.ownerId = :user or c.id in"
            + " (select s.contractId from ContractShare s where s.userId = :user))";

    private final EntityManager entities;

    ApprovalQueues(EntityManager entities) {
        this.entities = entities;
    }

    /** Whether the caller decides the queue (and so may see it). */
    static boolean decides(Caller caller, Queue queue) {
        return caller.organizationId() != null && caller.userId() != null && caller.has(switch (queue) {
            case LEGAL -> ContractPermissions.LEGAL_ACT;
            case ESCALATED -> ContractPermissions.LEGAL_HEAD;
            case FINANCE -> ContractPermissions.FINANCE_ACT;
        });
    }

    /** The rows of {@code queues} (one approval type), counted; the caller must decide each. */
    long count(Caller caller, Set<Queue> queues) {
        return bind(entities.createQuery("select count(a)" + FROM, Long.class), caller, queues).getSingleResult();
    }

    /** A page of the rows of {@code queues} (one approval type), oldest first unless sorted otherwise. */
    Page<ApprovalView> page(Caller caller, Set<Queue> queues, Pageable pageable) {
        Pageable sorted = Sorting.only(pageable, SORTABLE.keySet(), OLDEST_FIRST);
        String order = sorted.getSort().stream()
                .map(o -> SORTABLE.get(o.getProperty()) + (o.isAscending() ? " asc" : " desc"))
                .collect(Collectors.joining(", ", " order by ", ", a.id asc"));
        List<Object[]> rows = bind(entities.createQuery("select a, c.reference, c.title, c.status" + FROM + order,
                Object[].class), caller, queues)
                .setFirstResult((int) sorted.getOffset())
                .setMaxResults(sorted.getPageSize())
                .getResultList();
        boolean withEscalation = caller.has(ContractPermissions.LEGAL_ACT)
                || caller.has(ContractPermissions.LEGAL_HEAD);
        List<ApprovalView> content = rows.stream().map(row -> ContractViews.of((Approval) row[0], (String) row[1],
                (String) row[2], (ContractStatus) row[3], withEscalation)).toList();
        return PageableExecutionUtils.getPage(content, sorted, () -> count(caller, queues));
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Caller caller, Set<Queue> queues) {
        Set<ApprovalType> types = EnumSet.noneOf(ApprovalType.class);
        Set<ApprovalStatus> statuses = EnumSet.noneOf(ApprovalStatus.class);
        Set<ContractStatus> contractStatuses = EnumSet.noneOf(ContractStatus.class);
        for (Queue queue : queues) {
            switch (queue) {
                case LEGAL -> {
                    types.add(ApprovalType.LEGAL);
                    statuses.add(ApprovalStatus.PENDING);
                    contractStatuses.add(ContractStatus.SENT_TO_LEGAL);
                }
                case ESCALATED -> {
                    types.add(ApprovalType.LEGAL);
                    statuses.add(ApprovalStatus.ESCALATED);
                    contractStatuses.add(ContractStatus.PENDING_LEGAL_HEAD);
                }
                case FINANCE -> {
                    types.add(ApprovalType.FINANCE);
                    statuses.add(ApprovalStatus.PENDING);
                    contractStatuses.add(ContractStatus.SENT_TO_FINANCE);
                }
            }
        }
        if (types.size() != 1) {
            throw new IllegalArgumentException("One approval type per query: " + queues);
        }
        return query.setParameter("organization", caller.organizationId())
                .setParameter("type", types.iterator().next())
                .setParameter("statuses", statuses)
                .setParameter("contractStatuses", contractStatuses)
                .setParameter("readsAll", caller.has(ContractPermissions.READ_ALL))
                .setParameter("user", caller.userId());
    }
}

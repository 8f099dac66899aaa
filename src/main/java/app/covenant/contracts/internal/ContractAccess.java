package app.covenant.contracts.internal;

import app.covenant.contracts.ContractFilter;
import app.covenant.contracts.ContractPermissions;
import app.covenant.shared.persistence.LikePatterns;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Who sees which contract (issue 14, "on every endpoint, not just the list"): in the caller's current organization
 * only (a super admin too: contracts are an organization's own), every contract for holders of
 * {@code contract:read-all}, else those the caller owns or that are shared with them. Anything else is 404.
 */
@Component
class ContractAccess {

    private final ContractRepository contracts;
    private final ShareRepository shares;

    ContractAccess(ContractRepository contracts, ShareRepository shares) {
        this.contracts = contracts;
        this.shares = shares;
    }

    static boolean readsAll(Caller caller) {
        return caller.has(ContractPermissions.READ_ALL);
    }

    /** The contract, unless the caller does not see it (404). */
    Contract visible(Caller caller, UUID id) {
        Contract contract = contracts.findById(id).orElseThrow(ContractAccess::notFound);
        require(caller, contract);
        return contract;
    }

    /**
     * The contract with its row locked, then the visibility check (404). Locked first, so the entity is read fresh
     * under the lock: one loaded earlier in the transaction would keep its stale state (version counter, status).
     */
    Contract lockVisible(Caller caller, UUID id) {
        Contract contract = contracts.lockById(id).orElseThrow(ContractAccess::notFound);
        require(caller, contract);
        return contract;
    }

    void require(Caller caller, Contract contract) {
        if (!sees(caller, contract)) {
            throw notFound();
        }
    }

    boolean sees(Caller caller, Contract contract) {
        if (caller.organizationId() == null || !caller.organizationId().equals(contract.organizationId())) {
            return false;
        }
        if (readsAll(caller)) {
            return true;
        }
        if (!caller.has(ContractPermissions.READ) || caller.userId() == null) {
            return false;
        }
        return caller.userId().equals(contract.ownerId())
                || shares.existsByContractIdAndUserId(contract.getId(), caller.userId());
    }

    static ProblemException notFound() {
        return ProblemException.notFound("Contract");
    }

    /**
     * The list's query: what the caller sees, narrowed by the filter. Without contract:read-all: owned, or one of
     * {@code shared} (the ids shared with the caller, read first): "owner = ? or id in (?, ...)" is two index lookups
     * OR-ed, where "or id in (subquery)" made PostgreSQL filter every contract of the organization.
     */
    static Specification<Contract> listed(Caller caller, ContractFilter filter, LocalDate today, List<UUID> shared) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("organizationId"), caller.organizationId()));
            if (!readsAll(caller)) {
                Predicate own = cb.equal(root.get("ownerId"), caller.userId());
                where.add(shared.isEmpty() ? own : cb.or(own, root.get("id").in(shared)));
            }
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.templateId() != null) {
                where.add(cb.equal(root.get("templateId"), filter.templateId()));
            }
            if (filter.ownerId() != null) {
                where.add(cb.equal(root.get("ownerId"), filter.ownerId()));
            }
            if (filter.expiringDays() != null) {
                where.add(cb.between(root.get("endDate"), today, today.plusDays(filter.expiringDays())));
            }
            String pattern = LikePatterns.containing(filter.q());
            if (pattern != null) {
                where.add(cb.or(
                        cb.like(cb.lower(root.get("title")), pattern, LikePatterns.ESCAPE),
                        cb.like(cb.lower(root.get("reference")), pattern, LikePatterns.ESCAPE),
                        cb.like(cb.lower(root.get("counterpartyName")), pattern, LikePatterns.ESCAPE),
                        // No coalesce: a null name is "unknown", which OR-ed with the others changes nothing, and
                        // the bare expression matches its trigram index on PostgreSQL.
                        cb.like(cb.lower(root.get("counterpartyBusinessName")), pattern, LikePatterns.ESCAPE),
                        cb.like(cb.lower(root.get("searchText")), pattern, LikePatterns.ESCAPE)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}

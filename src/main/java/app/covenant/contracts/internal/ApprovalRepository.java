package app.covenant.contracts.internal;

import app.covenant.contracts.ApprovalStatus;
import app.covenant.contracts.ApprovalType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApprovalRepository extends JpaRepository<Approval, UUID> {

    /** The contract of an approval, without loading the approval (it is loaded fresh once the contract is locked). */
    @Query("select a.contractId from Approval a where a.id = :id")
    java.util.Optional<UUID> contractIdOf(@Param("id") UUID approvalId);

    List<Approval> findByContractIdOrderByRoundAscTypeAsc(UUID contractId);

    List<Approval> findByContractIdAndRound(UUID contractId, int round);

    /** Open approvals of a type in the organization, oldest first (the queues). */
    @Query("select a from Approval a where a.organizationId = :organization and a.type = :type "
            + "and a.status in :statuses and a.closedAt is null order by a.createdAt, a.id")
    List<Approval> findOpen(@Param("organization") UUID organizationId, @Param("type") ApprovalType type,
                            @Param("statuses") Collection<ApprovalStatus> statuses);
}

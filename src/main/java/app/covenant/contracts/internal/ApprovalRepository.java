package app.covenant.contracts.internal;

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
}

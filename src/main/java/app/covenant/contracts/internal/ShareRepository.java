package app.covenant.contracts.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ShareRepository extends JpaRepository<ContractShare, ContractShare.Key> {

    List<ContractShare> findByContractIdOrderByCreatedAt(UUID contractId);

    /** The contracts shared with a user in an organization (the list's "shared with me" half, one statement). */
    @Query("select s.contractId from ContractShare s, Contract c "
            + "where c.id = s.contractId and s.userId = :user and c.organizationId = :organization")
    List<UUID> contractIdsSharedWith(@Param("user") UUID userId,
                                     @Param("organization") UUID organizationId);

    boolean existsByContractIdAndUserId(UUID contractId, UUID userId);
}

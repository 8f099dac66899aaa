package app.covenant.contracts.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ShareRepository extends JpaRepository<ContractShare, ContractShare.Key> {

    List<ContractShare> findByContractIdOrderByCreatedAt(UUID contractId);

    boolean existsByContractIdAndUserId(UUID contractId, UUID userId);
}

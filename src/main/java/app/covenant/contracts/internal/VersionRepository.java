package app.covenant.contracts.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface VersionRepository extends JpaRepository<ContractVersion, UUID> {

    Optional<ContractVersion> findByContractIdAndNumber(UUID contractId, int number);

    Page<ContractVersion> findByContractIdOrderByNumberDesc(UUID contractId, Pageable pageable);
}

package app.covenant.contracts.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContractRepository extends JpaRepository<Contract, UUID>, JpaSpecificationExecutor<Contract> {

    /**
     * The contract, its row locked until the transaction ends: saves, restores and decisions on one contract run one
     * after the other, so each takes the next version number and sees the state the previous one left.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Contract c where c.id = :id")
    Optional<Contract> lockById(@Param("id") UUID id);

    boolean existsByReference(String reference);

    /** Contracts whose scanned paper waits for OCR, oldest first. */
    @Query("select c.id from Contract c where c.paperOcr = app.covenant.contracts.internal.PaperOcrState.PENDING"
            + " order by c.createdAt, c.id")
    List<UUID> awaitingOcr(Pageable page);
}

package app.covenant.contracts.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A colleague a contract is shared with (part of the contract: removed with it, read by its visibility rule). */
@Entity
@Table(name = "contract_shares")
@IdClass(ContractShare.Key.class)
class ContractShare {

    record Key(UUID contractId, UUID userId) implements Serializable {

        Key() {
            this(null, null);
        }
    }

    @Id
    private UUID contractId;
    @Id
    private UUID userId;
    private UUID sharedBy;
    @Column(nullable = false)
    private Instant createdAt;

    protected ContractShare() {
    }

    ContractShare(UUID contractId, UUID userId, UUID sharedBy, Instant now) {
        this.contractId = contractId;
        this.userId = userId;
        this.sharedBy = sharedBy;
        this.createdAt = now;
    }

    UUID userId() {
        return userId;
    }
}

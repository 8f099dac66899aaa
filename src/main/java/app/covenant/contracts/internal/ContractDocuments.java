package app.covenant.contracts.internal;

import app.covenant.documents.DocumentAccessPolicy;
import app.covenant.shared.security.Caller;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The download rule of contract documents (uploaded paper): whoever sees the contract reads its files. */
@Component
class ContractDocuments implements DocumentAccessPolicy {

    private final ContractRepository contracts;
    private final ContractAccess access;

    ContractDocuments(ContractRepository contracts, ContractAccess access) {
        this.contracts = contracts;
        this.access = access;
    }

    @Override
    public String ownerModule() {
        return ContractCreation.OWNER_MODULE;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean canRead(Caller caller, UUID ownerRecordId) {
        return contracts.findById(ownerRecordId).map(contract -> access.sees(caller, contract)).orElse(false);
    }
}

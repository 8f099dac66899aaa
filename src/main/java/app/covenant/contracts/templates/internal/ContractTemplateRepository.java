package app.covenant.contracts.templates.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ContractTemplateRepository extends JpaRepository<ContractTemplate, UUID>,
        JpaSpecificationExecutor<ContractTemplate> {

    Optional<ContractTemplate> findByScopeKeyAndCode(String scopeKey, String code);

    boolean existsByScopeKeyAndCode(String scopeKey, String code);
}

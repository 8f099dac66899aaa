package app.covenant.contracts.internal;

import app.covenant.audit.AuditSubjects;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Contracts in the audit log: by reference and title, linked to the contract's page; the reader's organization only. */
@Component
class ContractAuditSubjects implements AuditSubjects {

    private final ContractRepository contracts;

    ContractAuditSubjects(ContractRepository contracts) {
        this.contracts = contracts;
    }

    @Override
    public String type() {
        return "contract";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Subject> describe(UUID organizationId, Collection<String> ids) {
        Map<String, Subject> named = new HashMap<>();
        List<UUID> wanted = AuditSubjects.uuids(ids);
        if (wanted.isEmpty() || organizationId == null) {
            return named;
        }
        contracts.findAllById(wanted).stream().filter(c -> organizationId.equals(c.organizationId()))
                .forEach(c -> named.put(c.getId().toString(), new Subject(c.reference() + " " + c.title(),
                        "/contracts/" + c.getId())));
        return named;
    }
}

package app.covenant.contracts.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.audit.AuditVisibility;
import app.covenant.shared.security.Caller;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records what happened to a contract, in the transaction of the change: the hash-chained audit log (module
 * {@code contracts}, target {@code contract}), the contract's own activity feed, and the published event.
 */
@Component
class ContractJournal {

    private final AuditTrail audit;
    private final ContractActivityLog activity;
    private final ApplicationEventPublisher events;

    ContractJournal(AuditTrail audit, ContractActivityLog activity, ApplicationEventPublisher events) {
        this.audit = audit;
        this.activity = activity;
        this.events = events;
    }

    /**
     * @param action dotted, past tense ({@code contract.submitted}); the feed shows it without the prefix
     * @param detail the comment or reason, or null
     */
    void record(Caller caller, Contract contract, String action, String detail, Map<String, Object> before,
                AuditVisibility visibility, Instant at, Object event) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", contract.status().name());
        after.put("reference", contract.reference());
        after.put("version", contract.currentVersion());
        if (detail != null) {
            after.put("detail", detail);
        }
        audit.record(AuditEntry.of("contracts", action).actor(caller.userId(), caller.email())
                .organization(contract.organizationId()).target("contract", contract.getId())
                .before(before).after(after).visibility(visibility));
        activity.append(contract.getId(), caller.userId(), action.startsWith("contract.") ? action.substring(9) : action,
                detail, visibility, at);
        if (event != null) {
            events.publishEvent(event);
        }
    }

    void record(Caller caller, Contract contract, String action, String detail, Map<String, Object> before,
                Instant at, Object event) {
        record(caller, contract, action, detail, before, AuditVisibility.INTERNAL, at, event);
    }
}

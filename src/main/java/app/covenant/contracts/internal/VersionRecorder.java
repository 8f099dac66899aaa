package app.covenant.contracts.internal;

import app.covenant.contracts.events.ContractVersionSaved;
import app.covenant.contracts.internal.ContractVersion.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Saves a version of a contract whose row the caller holds locked: the next number comes from the contract's own
 * counter, so concurrent saves are numbered one after the other, 1..N without gaps; the unique constraint
 * (contract_id, number) is the backstop. The change summary names the fields that differ from the version before.
 */
@Component
class VersionRecorder {

    private final VersionRepository versions;
    private final ApplicationEventPublisher events;

    VersionRecorder(VersionRepository versions, ApplicationEventPublisher events) {
        this.versions = versions;
        this.events = events;
    }

    /** @param previous the content before the change; {@code null} for the first version */
    ContractVersion save(Contract contract, Kind kind, UUID author, Integer restoredFrom, ContractContent previous,
                         Instant now) {
        int number = contract.nextVersion(now);
        ContractContent current = contract.content();
        ContractVersion version = versions.save(new ContractVersion(contract.getId(), number, kind, author, now,
                restoredFrom, current, previous == null ? List.of() : changed(previous, current)));
        events.publishEvent(new ContractVersionSaved(contract.getId(), contract.organizationId(), number, kind.name(),
                author, now));
        return version;
    }

    /** The names of the fields that differ, then {@code body}, {@code annexures}, {@code variables}, {@code document}. */
    static List<String> changed(ContractContent before, ContractContent after) {
        List<String> names = new ArrayList<>();
        Map<String, String> was = before.details().fields();
        Map<String, String> is = after.details().fields();
        was.keySet().forEach(field -> {
            if (!Objects.equals(was.get(field), is.get(field))) {
                names.add(field);
            }
        });
        if (!before.bodyHtml().equals(after.bodyHtml())) {
            names.add("body");
        }
        if (!before.annexures().equals(after.annexures())) {
            names.add("annexures");
        }
        if (!before.variables().equals(after.variables())) {
            names.add("variables");
        }
        if (!Objects.equals(before.documentId(), after.documentId())) {
            names.add("document");
        }
        return names;
    }
}

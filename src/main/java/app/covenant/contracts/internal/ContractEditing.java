package app.covenant.contracts.internal;

import app.covenant.contracts.ContractEdit;
import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.RichText;
import app.covenant.contracts.internal.ContractLifecycle.Transition;
import app.covenant.contracts.internal.ContractVersion.Kind;
import app.covenant.contracts.templates.Annexure;
import app.covenant.contracts.templates.ContractTemplates;
import app.covenant.contracts.templates.FilledTemplate;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits and restores (CLM.md: "Edit only in DRAFT / REVISION_REQUESTED; each saved edit is a new version"), by the
 * owner or legal, with the contract's row locked for the whole save. Checks, in order: visible (404), editor (403),
 * editable state or stale {@code expectedVersion} (409), the new content (400) — nothing changes before all pass.
 * New variable values without a new body fill the template again at the contract's own template version (CLM.md:
 * editing a template never changes contracts already created from it), so {@code templateVersion} stays.
 */
@Component
class ContractEditing {

    private final ContractAccess access;
    private final VersionRecorder versions;
    private final VersionRepository stored;
    private final ContractJournal journal;
    private final ContractTemplates templates;
    private final Clock clock;

    ContractEditing(ContractAccess access, VersionRecorder versions, VersionRepository stored, ContractJournal journal,
                    ContractTemplates templates, Clock clock) {
        this.access = access;
        this.versions = versions;
        this.stored = stored;
        this.journal = journal;
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ContractView update(Caller caller, UUID id, ContractEdit edit) {
        Contract contract = editable(caller, id);
        if (edit == null) {
            throw ProblemException.invalid("title", "must not be blank");
        }
        if (edit.expectedVersion() != null && edit.expectedVersion() != contract.version()) {
            throw ProblemException.conflict("The contract was saved by someone else meanwhile (version "
                    + contract.version() + ", you edited " + edit.expectedVersion() + "): reload it and edit again.");
        }
        CheckedDetails details = CheckedDetails.of(edit.details());
        ContractContent previous = contract.content();
        String body = previous.bodyHtml();
        List<Annexure> annexures = previous.annexures();
        Map<String, String> variables = previous.variables();
        if (edit.variables() != null) {
            if (contract.templateId() == null || contract.templateVersion() == null) {
                throw ProblemException.invalid("variables", "only a contract drafted from a template has variables");
            }
            // The contract's own template version, never the latest: editing a template changes no contract. The
            // values are checked by type either way (400 naming variables.KEY); a body sent too is kept as written.
            FilledTemplate filled = templates.fill(contract.organizationId(), contract.templateId(),
                    contract.templateVersion(), edit.variables());
            variables = filled.values();
            if (edit.bodyHtml() == null) {
                body = RichText.clean(filled.bodyHtml());
                annexures = ContractCreation.cleaned(filled.annexures());
            }
        }
        if (edit.bodyHtml() != null) {
            body = RichText.clean(edit.bodyHtml());
        }
        if (edit.annexures() != null) {
            annexures = ContractCreation.cleaned(edit.annexures());
        }
        // Uploaded paper keeps its own text (extracted, or read by OCR from a scan) unless the edit writes words of its
        // own: the edit page always sends the body, and a scan's body is empty.
        String written = ContractCreation.searchText(body, annexures);
        boolean paperText = contract.documentId() != null && ((edit.bodyHtml() == null && edit.annexures() == null)
                || written.codePoints().noneMatch(Character::isLetterOrDigit));
        String searchText = paperText ? previous.searchText() : written;
        Instant now = clock.instant();
        contract.apply(new ContractContent(details, body, annexures, variables, contract.documentId(), searchText),
                now);
        ContractVersion version = versions.save(contract, Kind.EDITED, caller.userId(), null, previous, now);
        journal.record(caller, contract, "contract.edited", "version " + version.number() + ": "
                + String.join(", ", version.changedFields()), Map.of("version", version.number() - 1), now, null);
        return ContractViews.of(contract);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public ContractView restore(Caller caller, UUID id, int number) {
        Contract contract = editable(caller, id);
        ContractVersion old = stored.findByContractIdAndNumber(id, number)
                .orElseThrow(() -> ProblemException.notFound("Version " + number));
        ContractContent previous = contract.content();
        String searchText = java.util.Objects.equals(old.documentId(), contract.documentId())
                && contract.documentId() != null ? previous.searchText()
                : ContractCreation.searchText(old.bodyHtml(), old.annexures());
        Instant now = clock.instant();
        contract.apply(old.content(searchText), now);
        ContractVersion version = versions.save(contract, Kind.RESTORED, caller.userId(), number, previous, now);
        journal.record(caller, contract, "contract.restored", "version " + number + " restored as version "
                + version.number(), Map.of("version", version.number() - 1), now, null);
        return ContractViews.of(contract);
    }

    /** Locked, visible (404), the caller an editor (403), in an editable state (409). */
    private Contract editable(Caller caller, UUID id) {
        Contract contract = access.lockVisible(caller, id);
        boolean owner = contract.ownerId().equals(caller.userId()) && caller.has(ContractPermissions.CREATE);
        if (!owner && !caller.has(ContractPermissions.LEGAL_ACT)) {
            throw ProblemException.forbidden("Only the contract's owner or legal may edit it.");
        }
        ContractLifecycle.next(contract.status(), Transition.EDIT);
        return contract;
    }
}

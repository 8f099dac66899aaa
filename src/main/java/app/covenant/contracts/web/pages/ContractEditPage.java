package app.covenant.contracts.web.pages;

import app.covenant.contracts.ApprovalStatus;
import app.covenant.contracts.ApprovalView;
import app.covenant.contracts.ContractApprovals;
import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.ContractStatus;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.Contracts;
import app.covenant.identity.Members;
import app.covenant.platform.ui.FormErrors;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.problem.ProblemException.FieldError;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /contracts/{id}/edit}: the details, the body and the annexures of a contract in DRAFT or REVISION_REQUESTED,
 * for its owner or legal ({@link Contracts#update}: each save a new version). Sent back for revision, the page opens
 * with the comments of the latest round. A contract one does not see answers 404, one one may not edit 403, one in
 * another state 409 — before the form shows, as the save itself would.
 */
@Controller
class ContractEditPage {

    private final Contracts contracts;
    private final ContractApprovals approvals;
    private final Members members;

    ContractEditPage(Contracts contracts, ContractApprovals approvals, Members members) {
        this.contracts = contracts;
        this.approvals = approvals;
        this.members = members;
    }

    /** A revision comment of the latest round: who asked, when, and what. */
    record RevisionComment(String type, String author, Instant at, String comment) {
    }

    @PreAuthorize("hasAuthority('contract:create')")
    @GetMapping("/contracts/{id}/edit")
    String edit(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        ContractView contract = editable(caller, id);
        return page(caller, contract, ContractEditForm.of(contract), model);
    }

    @PreAuthorize("hasAuthority('contract:create')")
    @PostMapping("/contracts/{id}/edit")
    String save(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                @RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        ContractEditForm form = ContractEditForm.of(params);
        ContractView contract = editable(caller, id);
        try {
            List<FieldError> errors = new ArrayList<>();
            var edit = form.edit(errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            contracts.update(caller, id, edit);
            return "redirect:/contracts/" + id + "?done=contract-version-saved";
        } catch (ProblemException refused) {
            if (refused.status() == 403 || refused.status() == 404) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            return page(caller, contract, form, model);
        }
    }

    /** The contract, if the caller may edit it now: 404 unseen, 403 not its owner nor legal, 409 not editable. */
    private ContractView editable(Caller caller, UUID id) {
        ContractView contract = contracts.find(caller, id);
        boolean owner = contract.ownerId().equals(caller.userId()) && caller.has(ContractPermissions.CREATE);
        if (!owner && !caller.has(ContractPermissions.LEGAL_ACT)) {
            throw ProblemException.forbidden("Only the contract's owner or legal may edit it.");
        }
        if (!contract.status().editable()) {
            throw ProblemException.conflict("This contract is " + contract.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ": only drafts and contracts sent back for revision can be edited.");
        }
        return contract;
    }

    private String page(Caller caller, ContractView contract, ContractEditForm form, Model model) {
        model.addAttribute("contract", contract);
        model.addAttribute("form", form);
        model.addAttribute("revisions", contract.status() == ContractStatus.REVISION_REQUESTED
                ? revisionComments(caller, contract) : List.of());
        return "contracts/edit";
    }

    private List<RevisionComment> revisionComments(Caller caller, ContractView contract) {
        List<ApprovalView> asked = approvals.ofContract(caller, contract.id()).stream()
                .filter(a -> a.round() == contract.round() && a.status() == ApprovalStatus.REVISION_REQUESTED)
                .toList();
        Map<UUID, Members.Member> people = members.byIds(contract.organizationId(), asked.stream()
                .map(ApprovalView::actorId).filter(java.util.Objects::nonNull).toList());
        return asked.stream().map(a -> new RevisionComment(a.type().name(),
                people.containsKey(a.actorId()) ? people.get(a.actorId()).name() : null, a.actedAt(), a.comment()))
                .toList();
    }
}

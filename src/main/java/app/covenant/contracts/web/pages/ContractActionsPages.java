package app.covenant.contracts.web.pages;

import app.covenant.contracts.ApprovalType;
import app.covenant.contracts.ContractApprovals;
import app.covenant.contracts.ContractVersions;
import app.covenant.contracts.Contracts;
import app.covenant.platform.ui.FormErrors;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The contract page's actions as plain form posts (POST-redirect-GET): each calls the contracts' service with the
 * signed-in caller and returns to the page it came from (the contract's tab, or the approval queue with
 * {@code back=queue}) with its flash message. A refusal the person can act on (400, 409) re-renders that page with
 * the service's own message and status; 403 and 404 are the error pages. Form fields are optional in the signature
 * so that a caller without the permission is refused before anything posted is looked at.
 */
@Controller
class ContractActionsPages {

    private final Contracts contracts;
    private final ContractApprovals approvals;
    private final ContractVersions versions;
    private final ContractDetailModel detail;
    private final ApprovalQueuePageModel queue;

    ContractActionsPages(Contracts contracts, ContractApprovals approvals, ContractVersions versions,
                         ContractDetailModel detail, ApprovalQueuePageModel queue) {
        this.contracts = contracts;
        this.approvals = approvals;
        this.versions = versions;
        this.detail = detail;
        this.queue = queue;
    }

    /** Where the post came from: the contract's tab, or a queue of the approvals page. */
    record Back(String tab, String queue) {
    }

    /**
     * What a decision form posts (every field optional, all text, so binding never refuses): the approval decided,
     * the comment, legal's "ask finance too", and where it came from ({@code tab}, or {@code back=queue} with the
     * queue's {@code type}).
     */
    record DecisionPost(String approval, String comment, String finance, String tab, String back, String type) {

        Back backTo() {
            return "queue".equals(back) ? new Back(null, ApprovalQueuePageModel.queueName(type)) : new Back(tab, null);
        }
    }

    @PreAuthorize("hasAnyAuthority('contract:create', 'approval:legal:act')")
    @PostMapping("/contracts/{id}/submit")
    String submit(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                  @RequestParam(required = false) String target, @RequestParam(required = false) String tab,
                  HttpServletResponse response, Model model) {
        Back back = new Back(tab, null);
        return act(caller, id, back, "submitted-for-approval", response, model,
                () -> approvals.submit(caller, id,
                        "FINANCE".equals(target) ? ApprovalType.FINANCE : null) != null);
    }

    @PreAuthorize("hasAnyAuthority('approval:legal:act', 'approval:finance:act')")
    @PostMapping("/contracts/{id}/approve")
    String approve(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @ModelAttribute DecisionPost post,
                   HttpServletResponse response, Model model) {
        return act(caller, id, post.backTo(), "approval-given", response, model,
                () -> approvals.approve(caller, approvalOf(caller, id, post), post.comment(),
                        "true".equals(post.finance())) != null);
    }

    @PreAuthorize("hasAnyAuthority('approval:legal:act', 'approval:finance:act')")
    @PostMapping("/contracts/{id}/request-revision")
    String requestRevision(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                           @ModelAttribute DecisionPost post, HttpServletResponse response, Model model) {
        return act(caller, id, post.backTo(), "approval-revision-requested", response, model,
                () -> approvals.requestRevision(caller, approvalOf(caller, id, post), post.comment()) != null);
    }

    @PreAuthorize("hasAuthority('approval:reject')")
    @PostMapping("/contracts/{id}/reject")
    String reject(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @ModelAttribute DecisionPost post,
                  HttpServletResponse response, Model model) {
        return act(caller, id, post.backTo(), "contract-rejected", response, model,
                () -> approvals.reject(caller, approvalOf(caller, id, post), post.comment()) != null);
    }

    @PreAuthorize("hasAuthority('approval:legal:act')")
    @PostMapping("/contracts/{id}/escalate")
    String escalate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                    @RequestParam(required = false) String reason, @RequestParam(required = false) String tab,
                    HttpServletResponse response, Model model) {
        return act(caller, id, new Back(tab, null), "approval-escalated", response, model,
                () -> approvals.escalate(caller, id, reason) != null);
    }

    @PreAuthorize("hasAuthority('approval:legal:head')")
    @PostMapping("/contracts/{id}/return")
    String returnToLegal(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                         @ModelAttribute DecisionPost post, HttpServletResponse response, Model model) {
        return act(caller, id, post.backTo(), "approval-returned", response, model,
                () -> approvals.returnToLegal(caller, approvalOf(caller, id, post), post.comment()) != null);
    }

    @PreAuthorize("hasAnyAuthority('contract:read', 'contract:read-all')")
    @PostMapping("/contracts/{id}/cancel")
    String cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String tab,
                  HttpServletResponse response, Model model) {
        return act(caller, id, new Back(tab, null), "contract-cancelled", response, model,
                () -> contracts.cancel(caller, id, reason) != null);
    }

    @PreAuthorize("hasAnyAuthority('contract:read', 'contract:read-all')")
    @PostMapping("/contracts/{id}/share")
    String share(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                 @RequestParam(required = false) String member, @RequestParam(required = false) String tab,
                 HttpServletResponse response, Model model) {
        return act(caller, id, new Back(tab, null), "contract-shared", response, model,
                () -> contracts.share(caller, id, uuid(member, "member", "choose a member of the organization")) != null);
    }

    @PreAuthorize("hasAuthority('contract:create')")
    @PostMapping("/contracts/{id}/restore")
    String restore(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                   @RequestParam(required = false) String number, HttpServletResponse response, Model model) {
        return act(caller, id, new Back("versions", null), "version-restored", response, model,
                () -> versions.restore(caller, id, versionNumber(number)) != null);
    }

    private interface Action {
        boolean run();
    }

    private String act(Caller caller, UUID id, Back back, String done, HttpServletResponse response, Model model,
                       Action action) {
        // Whether the caller sees the contract comes first: another organization's gets 404 whatever was posted.
        contracts.find(caller, id);
        try {
            action.run();
        } catch (ProblemException refused) {
            int status = refused.status();
            if (status == 403 || status == 404 || status >= 500) {
                throw refused;
            }
            response.setStatus(status);
            model.addAttribute("errors", FormErrors.general(message(refused)));
            return back.queue() != null ? queue.fillFirstPage(caller, back.queue(), model)
                    : detail.fill(caller, id, back.tab(), model);
        }
        if (back.queue() != null) {
            return "redirect:/contracts/approvals?type=" + back.queue() + "&done=" + done;
        }
        String tab = back.tab() == null || !ContractDetailModel.TABS.contains(back.tab()) ? null : back.tab();
        return "redirect:/contracts/" + id + "?" + (tab == null ? "" : "tab=" + tab + "&") + "done=" + done;
    }

    /** The approval named by the form, which must be one of this contract's (else the contract's 404 first). */
    private UUID approvalOf(Caller caller, UUID contractId, DecisionPost post) {
        UUID approvalId = uuid(post.approval(), "approval", "name the approval to decide");
        boolean ofThisContract = approvals.ofContract(caller, contractId).stream()
                .anyMatch(a -> a.id().equals(approvalId));
        if (!ofThisContract) {
            throw ProblemException.notFound("Approval");
        }
        return approvalId;
    }

    private static UUID uuid(String value, String field, String message) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, message);
        }
    }

    private static int versionNumber(String number) {
        try {
            return Integer.parseInt(number == null ? "" : number.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("number", "name the version to restore");
        }
    }

    /** The service's message, with the field it is about: "Comment must be at least 10 characters." */
    static String message(ProblemException refused) {
        if (refused.errors().isEmpty()) {
            return refused.getMessage();
        }
        var first = refused.errors().getFirst();
        String field = first.field() == null ? "" : first.field();
        String sentence = (field.isEmpty() ? "" : Character.toUpperCase(field.charAt(0)) + field.substring(1) + " ")
                + first.message();
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }
}

package app.covenant.contracts.web.pages;

import app.covenant.shared.security.Caller;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The approval queues ({@code /contracts/approvals?type=LEGAL|ESCALATED|FINANCE}): a tab per queue the caller
 * decides, with its count, the shown one paged, and per contract a quick approve and, in a comment dialog, request
 * revision or reject (posting to the contract's actions with {@code back=queue}, so the answer comes back here).
 */
@Controller
class ApprovalQueuePages {

    /** The shortest comment a revision request or a rejection takes (the service's rule, told in the form). */
    static final int MIN_COMMENT = 10;

    private final ApprovalQueuePageModel queues;

    ApprovalQueuePages(ApprovalQueuePageModel queues) {
        this.queues = queues;
    }

    @PreAuthorize("hasAnyAuthority('approval:legal:act', 'approval:legal:head', 'approval:finance:act')")
    @GetMapping("/contracts/approvals")
    String queue(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String type,
                 Pageable pageable, Model model) {
        return queues.fill(caller, type, pageable, model);
    }
}

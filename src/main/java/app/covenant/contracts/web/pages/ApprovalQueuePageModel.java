package app.covenant.contracts.web.pages;

import app.covenant.contracts.ApprovalView;
import app.covenant.contracts.ContractApprovals;
import app.covenant.contracts.ContractCounts;
import app.covenant.contracts.ContractCounts.Queue;
import app.covenant.contracts.ContractPermissions;
import app.covenant.platform.ui.PageRequests;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The approval queues a caller decides: LEGAL (pending legal approvals, approval:legal:act), ESCALATED (legal
 * approvals escalated to the head of legal, approval:legal:head) and FINANCE (approval:finance:act), each with its
 * count. The shown queue is paged by {@link ContractApprovals#queue}, the others counted by {@link ContractCounts}:
 * both keep to what the caller sees.
 */
@Component
class ApprovalQueuePageModel {

    static final List<String> QUEUES = List.of("LEGAL", "ESCALATED", "FINANCE");

    private final ContractApprovals approvals;
    private final ContractCounts waiting;
    private final PageRequests pages;

    ApprovalQueuePageModel(ContractApprovals approvals, ContractCounts waiting, PageRequests pages) {
        this.approvals = approvals;
        this.waiting = waiting;
        this.pages = pages;
    }

    /** The queue's name as the page knows it, upper case; {@code null} for none; 400 for an unknown one. */
    static String queueName(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String name = type.strip().toUpperCase(Locale.ROOT);
        if (!QUEUES.contains(name)) {
            throw ProblemException.invalid("type", "must be one of " + QUEUES);
        }
        return name;
    }

    /** The queues the caller may decide, in the page's order. */
    static List<String> queuesOf(Caller caller) {
        List<String> queues = new ArrayList<>();
        if (caller.has(ContractPermissions.LEGAL_ACT)) {
            queues.add("LEGAL");
        }
        if (caller.has(ContractPermissions.LEGAL_HEAD) && caller.has(ContractPermissions.LEGAL_ACT)) {
            queues.add("ESCALATED");
        }
        if (caller.has(ContractPermissions.FINANCE_ACT)) {
            queues.add("FINANCE");
        }
        return queues;
    }

    /** The queue's first page again, under a decision that was refused. */
    String fillFirstPage(Caller caller, String type, Model model) {
        return fill(caller, type, pages.firstPage(), model);
    }

    /** Fills the model with a page of the queue asked for (the caller's first when none) and every queue's count. */
    String fill(Caller caller, String type, Pageable pageable, Model model) {
        List<String> mine = queuesOf(caller);
        String asked = queueName(type);
        if (mine.isEmpty() || (asked != null && !mine.contains(asked))) {
            throw ProblemException.forbidden("This queue is for the approvers who decide it.");
        }
        String shown = asked == null ? mine.getFirst() : asked;
        Page<ApprovalView> rows = approvals.queue(caller, Queue.valueOf(shown), PageRequests.unsorted(pageable));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String queue : mine) {
            counts.put(queue, queue.equals(shown) ? rows.getTotalElements()
                    : waiting.waiting(caller, Queue.valueOf(queue)));
        }
        model.addAttribute("queue", shown);
        model.addAttribute("counts", counts);
        model.addAttribute("rows", rows.getContent());
        model.addAttribute("approvals", rows);
        model.addAttribute("baseUrl", "/contracts/approvals?type=" + shown);
        model.addAttribute("mayReject", caller.has(ContractPermissions.REJECT));
        model.addAttribute("comment", ApprovalQueuePages.MIN_COMMENT);
        return "contracts/approvals";
    }
}

package app.covenant.contracts.web.pages;

import app.covenant.contracts.ApprovalStatus;
import app.covenant.contracts.ApprovalType;
import app.covenant.contracts.ApprovalView;
import app.covenant.contracts.ContractApprovals;
import app.covenant.contracts.ContractPermissions;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The approval queues a caller decides: LEGAL (pending legal approvals, approval:legal:act), ESCALATED (legal
 * approvals escalated to the head of legal, approval:legal:head) and FINANCE (approval:finance:act), each with its
 * count. The queues come from {@link ContractApprovals#pending}, which keeps to what the caller sees.
 */
@Component
class ApprovalQueuePageModel {

    static final List<String> QUEUES = List.of("LEGAL", "ESCALATED", "FINANCE");

    private final ContractApprovals approvals;

    ApprovalQueuePageModel(ContractApprovals approvals) {
        this.approvals = approvals;
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

    /** Fills the model with the queue asked for (the caller's first when none) and every queue's count. */
    String fill(Caller caller, String type, Model model) {
        List<String> mine = queuesOf(caller);
        String asked = queueName(type);
        if (mine.isEmpty() || (asked != null && !mine.contains(asked))) {
            throw ProblemException.forbidden("This queue is for the approvers who decide it.");
        }
        String shown = asked == null ? mine.getFirst() : asked;
        Map<String, List<ApprovalView>> byQueue = new LinkedHashMap<>();
        if (mine.contains("LEGAL") || mine.contains("ESCALATED")) {
            List<ApprovalView> legal = approvals.pending(caller, ApprovalType.LEGAL);
            if (mine.contains("LEGAL")) {
                byQueue.put("LEGAL", legal.stream().filter(a -> a.status() == ApprovalStatus.PENDING).toList());
            }
            if (mine.contains("ESCALATED")) {
                byQueue.put("ESCALATED", legal.stream().filter(a -> a.status() == ApprovalStatus.ESCALATED).toList());
            }
        }
        if (mine.contains("FINANCE")) {
            byQueue.put("FINANCE", approvals.pending(caller, ApprovalType.FINANCE));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        byQueue.forEach((queue, list) -> counts.put(queue, list.size()));
        model.addAttribute("queue", shown);
        model.addAttribute("counts", counts);
        model.addAttribute("rows", byQueue.get(shown));
        model.addAttribute("mayReject", caller.has(ContractPermissions.REJECT));
        model.addAttribute("comment", ApprovalQueuePages.MIN_COMMENT);
        return "contracts/approvals";
    }
}

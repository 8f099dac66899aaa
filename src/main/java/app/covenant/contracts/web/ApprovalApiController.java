package app.covenant.contracts.web;

import app.covenant.contracts.ApprovalType;
import app.covenant.contracts.ApprovalView;
import app.covenant.contracts.ContractApprovals;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/approvals} (API.md): the queues and the decisions. While a legal approval is escalated, only holders
 * of {@code approval:legal:head} may decide it: a legal manager gets 403.
 */
@RestController
@RequestMapping(path = "/api/v1/approvals", produces = MediaType.APPLICATION_JSON_VALUE)
class ApprovalApiController {

    private static final String DECIDERS =
            "hasAnyAuthority('approval:legal:act', 'approval:finance:act', 'approval:legal:head')";

    private final ContractApprovals approvals;

    ApprovalApiController(ContractApprovals approvals) {
        this.approvals = approvals;
    }

    @PreAuthorize(DECIDERS)
    @Operation(summary = "The caller's queue, a page: type LEGAL (escalated ones for the head of legal) or FINANCE; "
            + "oldest first, sort by createdAt, round, contractTitle or contractReference")
    @GetMapping("/pending")
    Page<ApprovalView> pending(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String type,
                               @PageableDefault(size = 20) Pageable pageable) {
        return approvals.pending(caller, type(type), pageable);
    }

    @PreAuthorize(DECIDERS)
    @Operation(summary = "Approve (legal: requireFinance adds a finance approval to the round)")
    @PostMapping("/{id}/approve")
    ApprovalView approve(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                         @RequestBody(required = false) ContractRequests.Decision body) {
        return approvals.approve(caller, id, body == null ? null : body.comment(),
                body != null && Boolean.TRUE.equals(body.requireFinance()));
    }

    @PreAuthorize(DECIDERS)
    @Operation(summary = "Send back to the owner with a comment (≥ 10 characters): REVISION_REQUESTED")
    @PostMapping("/{id}/request-revision")
    ApprovalView requestRevision(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                 @RequestBody(required = false) ContractRequests.Comment body) {
        return approvals.requestRevision(caller, id, body == null ? null : body.comment());
    }

    @PreAuthorize("hasAuthority('approval:reject')")
    @Operation(summary = "Reject with a comment (≥ 10 characters): REJECTED, final")
    @PostMapping("/{id}/reject")
    ApprovalView reject(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                        @RequestBody(required = false) ContractRequests.Comment body) {
        return approvals.reject(caller, id, body == null ? null : body.comment());
    }

    @PreAuthorize("hasAuthority('approval:legal:head')")
    @Operation(summary = "The head of legal returns an escalated approval to legal: PENDING, SENT_TO_LEGAL")
    @PostMapping("/{id}/return")
    ApprovalView returnToLegal(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                               @RequestBody(required = false) ContractRequests.Comment body) {
        return approvals.returnToLegal(caller, id, body == null ? null : body.comment());
    }

    @PreAuthorize("hasAuthority('approval:legal:act')")
    @Operation(summary = "Escalate the contract's pending legal approval to the head of legal: PENDING_LEGAL_HEAD")
    @PostMapping("/contracts/{contractId}/escalate")
    ApprovalView escalate(@AuthenticationPrincipal Caller caller, @PathVariable UUID contractId,
                          @RequestBody(required = false) ContractRequests.Reason body) {
        return approvals.escalate(caller, contractId, body == null ? null : body.reason());
    }

    private static ApprovalType type(String type) {
        if (type == null || type.isBlank()) {
            throw ProblemException.invalid("type", "must be LEGAL or FINANCE");
        }
        try {
            return ApprovalType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("type", "must be LEGAL or FINANCE");
        }
    }
}

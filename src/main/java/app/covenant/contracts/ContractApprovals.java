package app.covenant.contracts;

import app.covenant.shared.security.Caller;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Approval rounds (CLM.md "States"): submit opens round N+1 with a LEGAL approval, and a FINANCE one when the
 * organization's FINANCE_WORKFLOW flag is on or the submitter asks for it ({@code target} FINANCE); legal decides
 * first, then finance. Escalation hands the legal approval to the head of legal, who alone may then decide it (a
 * legal manager gets 403) or return it. Revision and rejection need a comment of at least 10 characters (400).
 * Every transition is guarded (409), audited, published as an event and told to the people who act next.
 */
public interface ContractApprovals {

    ContractView submit(Caller caller, UUID contractId, ApprovalType target);

    /** {@code requireFinance}: legal approves and asks finance to approve too (a FINANCE approval joins the round). */
    ApprovalView approve(Caller caller, UUID approvalId, String comment, boolean requireFinance);

    ApprovalView requestRevision(Caller caller, UUID approvalId, String comment);

    ApprovalView reject(Caller caller, UUID approvalId, String comment);

    ApprovalView escalate(Caller caller, UUID contractId, String reason);

    ApprovalView returnToLegal(Caller caller, UUID approvalId, String comment);

    /**
     * The caller's queue of {@code type}, a page: approvals waiting for a decision they may take, oldest first (LEGAL
     * holds the pending ones for approval:legal:act and the escalated ones for approval:legal:head). 403 for a type
     * the caller does not decide; sortable by createdAt, round, contractTitle, contractReference.
     */
    Page<ApprovalView> pending(Caller caller, ApprovalType type, Pageable pageable);

    /** A page of one queue of the approval pages (legal, escalated, finance); 403 unless the caller decides it. */
    Page<ApprovalView> queue(Caller caller, ContractCounts.Queue queue, Pageable pageable);

    /** Every approval of every round of the contract, oldest round first. */
    List<ApprovalView> ofContract(Caller caller, UUID contractId);
}

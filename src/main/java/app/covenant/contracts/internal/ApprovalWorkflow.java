package app.covenant.contracts.internal;

import app.covenant.audit.AuditVisibility;
import app.covenant.contracts.ApprovalStatus;
import app.covenant.contracts.ApprovalType;
import app.covenant.contracts.ApprovalView;
import app.covenant.contracts.ContractApprovals;
import app.covenant.contracts.ContractCounts.Queue;
import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.ContractStatus;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.events.ContractApproved;
import app.covenant.contracts.events.ContractEscalated;
import app.covenant.contracts.events.ContractRejected;
import app.covenant.contracts.events.ContractRevisionRequested;
import app.covenant.contracts.events.ContractSubmitted;
import app.covenant.contracts.internal.ContractLifecycle.Transition;
import app.covenant.platform.modules.FeatureSwitches;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ContractApprovals}. Every decision locks the contract's row first, then reads the approval fresh, so two
 * approvers acting at once are taken one after the other and the second gets 409. Checks, in order: the contract is
 * visible (404), the caller may decide this approval (403: the type's permission; while escalated only the head of
 * legal — a legal manager gets 403, not 409, as it is about who they are, not the state), the state allows it (409),
 * the comment (400). Nothing changes before all pass.
 */
@Service
class ApprovalWorkflow implements ContractApprovals {

    static final String FINANCE_WORKFLOW = "FINANCE_WORKFLOW";
    static final int MIN_COMMENT = 10;

    private final ApprovalRepository approvals;
    private final ContractAccess access;
    private final ContractJournal journal;
    private final ContractNotices notices;
    private final FeatureSwitches switches;
    private final ApprovalQueues queues;
    private final Clock clock;

    ApprovalWorkflow(ApprovalRepository approvals, ContractAccess access,
                     ContractJournal journal, ContractNotices notices, FeatureSwitches switches, ApprovalQueues queues,
                     Clock clock) {
        this.approvals = approvals;
        this.access = access;
        this.journal = journal;
        this.notices = notices;
        this.switches = switches;
        this.queues = queues;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ContractView submit(Caller caller, UUID contractId, ApprovalType target) {
        Contract contract = access.lockVisible(caller, contractId);
        boolean owner = contract.ownerId().equals(caller.userId());
        if (!owner && !caller.has(ContractPermissions.LEGAL_ACT)) {
            throw ProblemException.forbidden("Only the contract's owner or legal may submit it for approval.");
        }
        Instant now = clock.instant();
        Map<String, Object> before = Map.of("status", contract.status().name());
        contract.move(Transition.SUBMIT, now);
        boolean finance = target == ApprovalType.FINANCE || switches.isOn(contract.organizationId(), FINANCE_WORKFLOW);
        int round = contract.approvalRound();
        approvals.save(new Approval(contractId, contract.organizationId(), round, ApprovalType.LEGAL, now));
        if (finance) {
            approvals.save(new Approval(contractId, contract.organizationId(), round, ApprovalType.FINANCE, now));
        }
        journal.record(caller, contract, "contract.submitted", "round " + round + (finance ? ", legal then finance"
                : ", legal"), before, now, new ContractSubmitted(contractId, contract.organizationId(), round, finance,
                caller.userId(), now));
        notices.legalReview(contract, caller.userId(), caller.name() + " submitted " + ContractNotices.label(contract)
                + " for approval (round " + round + ").");
        return ContractViews.of(contract);
    }

    @Override
    @Transactional
    public ApprovalView approve(Caller caller, UUID approvalId, String comment, boolean requireFinance) {
        Decision d = decision(caller, approvalId);
        Instant now = clock.instant();
        Contract contract = d.contract();
        Approval approval = d.approval();
        Map<String, Object> before = Map.of("status", contract.status().name());
        String note = optional(comment);
        if (approval.type() == ApprovalType.LEGAL) {
            requireAwaited(contract, approval);
            boolean financeInRound = d.round().stream().anyMatch(a -> a.type() == ApprovalType.FINANCE);
            boolean financeNext = requireFinance || d.round().stream()
                    .anyMatch(a -> a.type() == ApprovalType.FINANCE && a.open());
            contract.move(financeNext ? Transition.LEGAL_APPROVE_THEN_FINANCE : Transition.LEGAL_APPROVE_FINAL, now);
            approval.decide(ApprovalStatus.APPROVED, note, caller.userId(), now);
            if (requireFinance && !financeInRound) {
                approvals.save(new Approval(contract.getId(), contract.organizationId(), approval.round(),
                        ApprovalType.FINANCE, now));
            }
            if (financeNext) {
                journal.record(caller, contract, "contract.legal-approved", note, before, now, null);
                notices.toHolders(contract, ContractPermissions.FINANCE_ACT, caller.userId(),
                        ContractNotices.FINANCE_REVIEW, "Contract to review: " + ContractNotices.label(contract),
                        "Legal approved " + ContractNotices.label(contract) + "; it now needs a finance decision.");
                return view(approval, contract, caller);
            }
        } else {
            requireAwaited(contract, approval);
            if (gaveLegalApproval(caller, d.round())) {
                throw ProblemException.forbidden("You gave this round's legal approval: a second person gives the "
                        + "finance approval.");
            }
            contract.move(Transition.FINANCE_APPROVE, now);
            approval.decide(ApprovalStatus.APPROVED, note, caller.userId(), now);
        }
        journal.record(caller, contract, "contract.approved", note, before, now,
                new ContractApproved(contract.getId(), contract.organizationId(), approval.round(), caller.userId(),
                        now));
        notices.toOwner(contract, caller.userId(), ContractNotices.APPROVED, "Contract approved: "
                + ContractNotices.label(contract), "Every approval of " + ContractNotices.label(contract)
                + " was given.");
        return view(approval, contract, caller);
    }

    @Override
    @Transactional
    public ApprovalView requestRevision(Caller caller, UUID approvalId, String comment) {
        Decision d = decision(caller, approvalId);
        Contract contract = d.contract();
        Approval approval = d.approval();
        requireAwaited(contract, approval);
        ContractLifecycle.next(contract.status(), Transition.REQUEST_REVISION);
        String why = comment(comment);
        Instant now = clock.instant();
        Map<String, Object> before = Map.of("status", contract.status().name());
        approval.decide(ApprovalStatus.REVISION_REQUESTED, why, caller.userId(), now);
        d.round().forEach(other -> other.close(now));
        contract.move(Transition.REQUEST_REVISION, now);
        journal.record(caller, contract, "contract.revision-requested", why, before, now,
                new ContractRevisionRequested(contract.getId(), contract.organizationId(), approval.round(), why,
                        caller.userId(), now));
        notices.toOwner(contract, caller.userId(), ContractNotices.REVISION, "Revision requested: "
                + ContractNotices.label(contract), caller.name() + " asked for changes: " + why);
        return view(approval, contract, caller);
    }

    @Override
    @Transactional
    public ApprovalView reject(Caller caller, UUID approvalId, String comment) {
        Decision d = decision(caller, approvalId, ContractPermissions.REJECT);
        Contract contract = d.contract();
        Approval approval = d.approval();
        requireAwaited(contract, approval);
        ContractLifecycle.next(contract.status(), Transition.REJECT);
        String why = comment(comment);
        Instant now = clock.instant();
        Map<String, Object> before = Map.of("status", contract.status().name());
        approval.decide(ApprovalStatus.REJECTED, why, caller.userId(), now);
        d.round().forEach(other -> other.close(now));
        contract.move(Transition.REJECT, now);
        journal.record(caller, contract, "contract.rejected", why, before, now, new ContractRejected(contract.getId(),
                contract.organizationId(), approval.round(), why, caller.userId(), now));
        notices.toOwner(contract, caller.userId(), ContractNotices.REJECTED, "Contract rejected: "
                + ContractNotices.label(contract), caller.name() + " rejected it: " + why);
        return view(approval, contract, caller);
    }

    @Override
    @Transactional
    public ApprovalView escalate(Caller caller, UUID contractId, String reason) {
        Contract contract = access.lockVisible(caller, contractId);
        if (!caller.has(ContractPermissions.LEGAL_ACT)) {
            throw ProblemException.forbidden("Escalating needs approval:legal:act.");
        }
        ContractLifecycle.next(contract.status(), Transition.ESCALATE);
        Approval legal = approvals.findByContractIdAndRound(contractId, contract.approvalRound()).stream()
                .filter(a -> a.type() == ApprovalType.LEGAL && a.status() == ApprovalStatus.PENDING && a.open())
                .findFirst().orElseThrow(() -> ProblemException.conflict("No pending legal approval to escalate."));
        String why = ContractService.required(reason, "reason");
        Instant now = clock.instant();
        Map<String, Object> before = Map.of("status", contract.status().name());
        legal.escalate(why, caller.userId(), now);
        contract.move(Transition.ESCALATE, now);
        journal.record(caller, contract, "contract.escalated", why, before, AuditVisibility.LEGAL_ONLY, now,
                new ContractEscalated(contractId, contract.organizationId(), legal.round(), why, caller.userId(), now));
        notices.toHolders(contract, ContractPermissions.LEGAL_HEAD, caller.userId(), ContractNotices.ESCALATED,
                "Escalated to you: " + ContractNotices.label(contract), caller.name() + " escalated "
                        + ContractNotices.label(contract) + ": " + why);
        return view(legal, contract, caller);
    }

    @Override
    @Transactional
    public ApprovalView returnToLegal(Caller caller, UUID approvalId, String comment) {
        Decision d = decision(caller, approvalId, ContractPermissions.LEGAL_HEAD);
        Contract contract = d.contract();
        Approval approval = d.approval();
        if (approval.type() != ApprovalType.LEGAL || approval.status() != ApprovalStatus.ESCALATED || !approval.open()) {
            throw ProblemException.conflict("The approval is " + approval.status() + ": only an escalated legal "
                    + "approval can be returned.");
        }
        ContractLifecycle.next(contract.status(), Transition.RETURN_TO_LEGAL);
        String note = optional(comment);
        Instant now = clock.instant();
        Map<String, Object> before = Map.of("status", contract.status().name());
        approval.returnToLegal();
        contract.move(Transition.RETURN_TO_LEGAL, now);
        journal.record(caller, contract, "contract.returned-to-legal", note, before, AuditVisibility.LEGAL_ONLY, now,
                null);
        notices.toHolders(contract, ContractPermissions.LEGAL_ACT, caller.userId(), ContractNotices.RETURNED,
                "Returned to legal: " + ContractNotices.label(contract), caller.name() + " returned "
                        + ContractNotices.label(contract) + " to legal" + (note == null ? "." : ": " + note));
        return view(approval, contract, caller);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ApprovalView> pending(Caller caller, ApprovalType type, Pageable pageable) {
        if (type == null) {
            throw ProblemException.invalid("type", "must be LEGAL or FINANCE");
        }
        Set<Queue> mine = EnumSet.noneOf(Queue.class);
        List<Queue> ofType = type == ApprovalType.LEGAL ? List.of(Queue.LEGAL, Queue.ESCALATED) : List.of(Queue.FINANCE);
        for (Queue queue : ofType) {
            if (ApprovalQueues.decides(caller, queue)) {
                mine.add(queue);
            }
        }
        if (mine.isEmpty()) {
            throw ProblemException.forbidden(type == ApprovalType.LEGAL
                    ? "The legal queue is for holders of approval:legal:act."
                    : "The finance queue is for holders of approval:finance:act.");
        }
        return queues.page(caller, mine, pageable);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<ApprovalView> queue(Caller caller, Queue queue, Pageable pageable) {
        if (!ApprovalQueues.decides(caller, queue)) {
            throw ProblemException.forbidden("This queue is for the approvers who decide it.");
        }
        return queues.page(caller, EnumSet.of(queue), pageable);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApprovalView> ofContract(Caller caller, UUID contractId) {
        Contract contract = access.visible(caller, contractId);
        return approvals.findByContractIdOrderByRoundAscTypeAsc(contractId).stream()
                .map(a -> view(a, contract, caller)).toList();
    }

    private record Decision(Contract contract, Approval approval, List<Approval> round) {
    }

    /** Locks the contract, checks visibility (404) and who may decide (403), and reads the round fresh. */
    private Decision decision(Caller caller, UUID approvalId, String... requiredPermission) {
        UUID contractId = approvals.contractIdOf(approvalId).orElseThrow(() -> ProblemException.notFound("Approval"));
        Contract contract;
        try {
            contract = access.lockVisible(caller, contractId);
        } catch (ProblemException notVisible) {
            throw ProblemException.notFound("Approval");
        }
        Approval approval = approvals.findById(approvalId).orElseThrow(() -> ProblemException.notFound("Approval"));
        for (String permission : requiredPermission) {
            if (!caller.has(permission)) {
                throw ProblemException.forbidden("This needs " + permission + ".");
            }
        }
        if (requiredPermission.length == 0) {
            String needed = approval.type() == ApprovalType.LEGAL ? ContractPermissions.LEGAL_ACT
                    : ContractPermissions.FINANCE_ACT;
            if (!caller.has(needed)) {
                throw ProblemException.forbidden("Deciding a " + approval.type() + " approval needs " + needed + ".");
            }
        }
        if (approval.status() == ApprovalStatus.ESCALATED && approval.open()
                && !caller.has(ContractPermissions.LEGAL_HEAD)) {
            throw ProblemException.forbidden("The approval is escalated to the head of legal: only they may decide "
                    + "it now.");
        }
        List<Approval> round = approvals.findByContractIdAndRound(contractId, approval.round());
        return new Decision(contract, approval, round);
    }

    /**
     * Four eyes: whoever approved the round for legal does not also approve it for finance (an administrator holds both
     * permissions, and so may a custom role).
     */
    private static boolean gaveLegalApproval(Caller caller, List<Approval> round) {
        return caller.userId() != null && round.stream().anyMatch(a -> a.type() == ApprovalType.LEGAL
                && a.status() == ApprovalStatus.APPROVED && caller.userId().equals(a.actorId()));
    }

    /** The approval is the one the contract waits for: legal's while with legal, finance's while with finance. */
    private static void requireAwaited(Contract contract, Approval approval) {
        boolean awaited = approval.open() && approval.round() == contract.approvalRound()
                && (approval.type() == ApprovalType.LEGAL
                ? contract.status() == ContractStatus.SENT_TO_LEGAL || contract.status() == ContractStatus.PENDING_LEGAL_HEAD
                : contract.status() == ContractStatus.SENT_TO_FINANCE);
        if (!awaited) {
            throw ProblemException.conflict("The contract is " + contract.status() + " and this " + approval.type()
                    + " approval of round " + approval.round() + " is " + approval.status()
                    + (approval.closedAt() != null ? " (round closed)" : "") + ": it cannot be decided now.");
        }
    }

    private static String comment(String comment) {
        if (comment == null || comment.strip().length() < MIN_COMMENT) {
            throw ProblemException.invalid("comment", "must be at least " + MIN_COMMENT + " characters");
        }
        if (comment.strip().length() > 4000) {
            throw ProblemException.invalid("comment", "must be at most 4000 characters");
        }
        return comment.strip();
    }

    private static String optional(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        if (comment.strip().length() > 4000) {
            throw ProblemException.invalid("comment", "must be at most 4000 characters");
        }
        return comment.strip();
    }

    private static ApprovalView view(Approval approval, Contract contract, Caller caller) {
        return ContractViews.of(approval, contract, caller.has(ContractPermissions.LEGAL_ACT)
                || caller.has(ContractPermissions.LEGAL_HEAD));
    }
}

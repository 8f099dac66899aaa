package app.covenant.contracts.web.pages;

import app.covenant.contracts.ApprovalStatus;
import app.covenant.contracts.ApprovalType;
import app.covenant.contracts.ApprovalView;
import app.covenant.contracts.ContractPermissions;
import app.covenant.contracts.ContractStatus;
import app.covenant.contracts.ContractView;
import app.covenant.shared.security.Caller;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The actions a caller may take on a contract in its present state, as the services would allow them (CLM.md
 * "States"): the page shows exactly these buttons. It mirrors the services' checks; the services still decide, so a
 * stale page's post gets their 409 or 403, shown as a message.
 *
 * @param awaited the open approval the contract waits for (legal's while with legal or its head, finance's while
 *                with finance), or {@code null}
 */
public record ContractActions(ApprovalView awaited, boolean submit, boolean edit, boolean approve,
                       boolean approveWithFinance, boolean requestRevision, boolean reject, boolean escalate,
                       boolean returnToLegal, boolean cancel, boolean share, boolean restore) {

    /** CLM.md: cancel from any state before ACTIVE, not from the ends. */
    private static final Set<ContractStatus> CANCELLABLE = EnumSet.of(ContractStatus.DRAFT,
            ContractStatus.SENT_TO_LEGAL, ContractStatus.PENDING_LEGAL_HEAD, ContractStatus.SENT_TO_FINANCE,
            ContractStatus.REVISION_REQUESTED, ContractStatus.APPROVED, ContractStatus.SENT_TO_COUNTERPARTY);

    static ContractActions of(Caller caller, ContractView contract, List<ApprovalView> approvals) {
        boolean owner = caller.userId() != null && caller.userId().equals(contract.ownerId());
        boolean legal = caller.has(ContractPermissions.LEGAL_ACT);
        boolean head = caller.has(ContractPermissions.LEGAL_HEAD);
        boolean editable = contract.status().editable();
        ApprovalView awaited = awaited(contract, approvals);
        boolean decides = awaited != null && decides(caller, awaited);
        // Four eyes (as the service): who gave the round's legal approval does not give its finance one.
        boolean approves = decides && !(awaited.type() == ApprovalType.FINANCE && approvals.stream().anyMatch(a ->
                a.round() == awaited.round() && a.type() == ApprovalType.LEGAL && a.status() == ApprovalStatus.APPROVED
                        && caller.userId() != null && caller.userId().equals(a.actorId())));
        boolean financeInRound = awaited != null && approvals.stream()
                .anyMatch(a -> a.round() == awaited.round() && a.type() == ApprovalType.FINANCE);
        boolean escalated = awaited != null && awaited.status() == ApprovalStatus.ESCALATED;
        return new ContractActions(awaited,
                editable && (owner || legal),
                editable && ((owner && caller.has(ContractPermissions.CREATE)) || legal),
                approves,
                approves && awaited.type() == ApprovalType.LEGAL && !financeInRound,
                decides,
                // Rejection needs approval:reject alone (CLM.md), whichever approval the contract waits for.
                awaited != null && caller.has(ContractPermissions.REJECT) && (!escalated || head),
                awaited != null && legal && contract.status() == ContractStatus.SENT_TO_LEGAL
                        && awaited.type() == ApprovalType.LEGAL && awaited.status() == ApprovalStatus.PENDING,
                escalated && head,
                CANCELLABLE.contains(contract.status()) && (owner || caller.has(ContractPermissions.TERMINATE)),
                owner || caller.has(ContractPermissions.READ_ALL),
                editable && caller.has(ContractPermissions.CREATE)
                        && ((owner && caller.has(ContractPermissions.CREATE)) || legal));
    }

    /** Any button at all: the actions card is left out when there is none. */
    public boolean any() {
        return submit || edit || approve || requestRevision || reject || escalate || returnToLegal || cancel || share;
    }

    /** The approval of the current round the contract waits for, if one is open. */
    static ApprovalView awaited(ContractView contract, List<ApprovalView> approvals) {
        ApprovalType type = switch (contract.status()) {
            case SENT_TO_LEGAL, PENDING_LEGAL_HEAD -> ApprovalType.LEGAL;
            case SENT_TO_FINANCE -> ApprovalType.FINANCE;
            default -> null;
        };
        if (type == null) {
            return null;
        }
        return approvals.stream().filter(a -> a.round() == contract.round() && a.type() == type && a.closedAt() == null
                && (a.status() == ApprovalStatus.PENDING || a.status() == ApprovalStatus.ESCALATED))
                .findFirst().orElse(null);
    }

    /** Whether the caller may decide the approval: its type's permission; once escalated, the head of legal only. */
    static boolean decides(Caller caller, ApprovalView approval) {
        if (approval.status() == ApprovalStatus.ESCALATED) {
            return caller.has(ContractPermissions.LEGAL_HEAD) && caller.has(ContractPermissions.LEGAL_ACT);
        }
        return caller.has(approval.type() == ApprovalType.LEGAL ? ContractPermissions.LEGAL_ACT
                : ContractPermissions.FINANCE_ACT);
    }
}

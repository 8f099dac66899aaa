package app.covenant.contracts;

import java.util.EnumSet;
import java.util.Set;

/** The states of CLM.md "States". */
public enum ContractStatus {
    DRAFT, SENT_TO_LEGAL, PENDING_LEGAL_HEAD, SENT_TO_FINANCE, REVISION_REQUESTED, APPROVED, REJECTED,
    SENT_TO_COUNTERPARTY, ACTIVE, EXPIRED, TERMINATED, CANCELLED;

    /** Where the owner (and legal) may edit, restore and submit. */
    public static final Set<ContractStatus> EDITABLE = EnumSet.of(DRAFT, REVISION_REQUESTED);
    /** Waiting for an approver's decision: an approval round is open. */
    public static final Set<ContractStatus> IN_REVIEW = EnumSet.of(SENT_TO_LEGAL, PENDING_LEGAL_HEAD, SENT_TO_FINANCE);

    public boolean editable() {
        return EDITABLE.contains(this);
    }

    public boolean inReview() {
        return IN_REVIEW.contains(this);
    }
}

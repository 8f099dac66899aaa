package app.covenant.contracts;

import app.covenant.shared.security.Caller;

/**
 * Cheap counts for the home page's cards (one indexed count each, in the caller's current organization, of contracts
 * the caller sees): the approvals waiting in each queue the caller decides, and the caller's own contracts sent back
 * for revision. A queue the caller may not decide counts 0.
 */
public interface ContractCounts {

    /** What a queue of the approval pages holds (the legal queue and the head of legal's are told apart here). */
    enum Queue {
        /** Legal approvals to decide (approval:legal:act). */
        LEGAL,
        /** Finance approvals whose turn it is (approval:finance:act). */
        FINANCE,
        /** Legal approvals escalated to the head of legal (approval:legal:head). */
        ESCALATED
    }

    long waiting(Caller caller, Queue queue);

    /** The caller's own contracts in REVISION_REQUESTED. */
    long sentBackForRevision(Caller caller);
}

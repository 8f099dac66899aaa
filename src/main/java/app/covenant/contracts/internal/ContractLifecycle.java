package app.covenant.contracts.internal;

import static app.covenant.contracts.ContractStatus.ACTIVE;
import static app.covenant.contracts.ContractStatus.APPROVED;
import static app.covenant.contracts.ContractStatus.CANCELLED;
import static app.covenant.contracts.ContractStatus.DRAFT;
import static app.covenant.contracts.ContractStatus.EXPIRED;
import static app.covenant.contracts.ContractStatus.PENDING_LEGAL_HEAD;
import static app.covenant.contracts.ContractStatus.REJECTED;
import static app.covenant.contracts.ContractStatus.REVISION_REQUESTED;
import static app.covenant.contracts.ContractStatus.SENT_TO_COUNTERPARTY;
import static app.covenant.contracts.ContractStatus.SENT_TO_FINANCE;
import static app.covenant.contracts.ContractStatus.SENT_TO_LEGAL;
import static app.covenant.contracts.ContractStatus.TERMINATED;

import app.covenant.contracts.ContractStatus;
import app.covenant.shared.problem.ProblemException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The state machine of CLM.md "States", pure: which transition may leave which status, and where it leads. Nothing
 * else moves a contract's status; anything not in the table answers 409 naming the current status and the statuses
 * the transition is possible from. Who may ask is the services' check, not this table's.
 */
public final class ContractLifecycle {

    /** Every way a contract's status changes (and editing, which keeps it). */
    public enum Transition {
        EDIT("be edited"),
        SUBMIT("be submitted for approval"),
        ESCALATE("be escalated to the head of legal"),
        RETURN_TO_LEGAL("be returned to legal"),
        LEGAL_APPROVE_THEN_FINANCE("be approved by legal"),
        LEGAL_APPROVE_FINAL("be approved by legal"),
        FINANCE_APPROVE("be approved by finance"),
        REQUEST_REVISION("be sent back for revision"),
        REJECT("be rejected"),
        CANCEL("be cancelled"),
        TERMINATE("be terminated"),
        SEND_TO_COUNTERPARTY("be sent to the counterparty"),
        ACTIVATE("become active"),
        EXPIRE("expire");

        private final String phrase;

        Transition(String phrase) {
            this.phrase = phrase;
        }
    }

    private record Rule(Set<ContractStatus> from, ContractStatus to) {
    }

    private static final Set<ContractStatus> REVIEW = EnumSet.of(SENT_TO_LEGAL, PENDING_LEGAL_HEAD, SENT_TO_FINANCE);
    private static final Set<ContractStatus> LEGAL_REVIEW = EnumSet.of(SENT_TO_LEGAL, PENDING_LEGAL_HEAD);

    /** {@code to == null}: the status stays. */
    private static final Map<Transition, Rule> RULES = Map.ofEntries(
            Map.entry(Transition.EDIT, new Rule(EnumSet.of(DRAFT, REVISION_REQUESTED), null)),
            Map.entry(Transition.SUBMIT, new Rule(EnumSet.of(DRAFT, REVISION_REQUESTED), SENT_TO_LEGAL)),
            Map.entry(Transition.ESCALATE, new Rule(EnumSet.of(SENT_TO_LEGAL), PENDING_LEGAL_HEAD)),
            Map.entry(Transition.RETURN_TO_LEGAL, new Rule(EnumSet.of(PENDING_LEGAL_HEAD), SENT_TO_LEGAL)),
            Map.entry(Transition.LEGAL_APPROVE_THEN_FINANCE, new Rule(LEGAL_REVIEW, SENT_TO_FINANCE)),
            Map.entry(Transition.LEGAL_APPROVE_FINAL, new Rule(LEGAL_REVIEW, APPROVED)),
            Map.entry(Transition.FINANCE_APPROVE, new Rule(EnumSet.of(SENT_TO_FINANCE), APPROVED)),
            Map.entry(Transition.REQUEST_REVISION, new Rule(REVIEW, REVISION_REQUESTED)),
            Map.entry(Transition.REJECT, new Rule(REVIEW, REJECTED)),
            // "Cancel from any state before ACTIVE": not from the ends (rejected, cancelled) nor after activation.
            Map.entry(Transition.CANCEL, new Rule(EnumSet.of(DRAFT, SENT_TO_LEGAL, PENDING_LEGAL_HEAD, SENT_TO_FINANCE,
                    REVISION_REQUESTED, APPROVED, SENT_TO_COUNTERPARTY), CANCELLED)),
            Map.entry(Transition.TERMINATE, new Rule(EnumSet.of(ACTIVE), TERMINATED)),
            Map.entry(Transition.SEND_TO_COUNTERPARTY, new Rule(EnumSet.of(APPROVED), SENT_TO_COUNTERPARTY)),
            Map.entry(Transition.ACTIVATE, new Rule(EnumSet.of(SENT_TO_COUNTERPARTY), ACTIVE)),
            Map.entry(Transition.EXPIRE, new Rule(EnumSet.of(ACTIVE), EXPIRED)));

    private ContractLifecycle() {
    }

    /** Whether {@code transition} may leave {@code from}. */
    public static boolean allows(ContractStatus from, Transition transition) {
        return RULES.get(transition).from().contains(from);
    }

    /** The status after {@code transition}; 409 when it may not leave {@code from}. */
    public static ContractStatus next(ContractStatus from, Transition transition) {
        Rule rule = RULES.get(transition);
        if (!rule.from().contains(from)) {
            throw ProblemException.conflict("The contract cannot " + transition.phrase + " while it is " + from
                    + "; that is possible only when it is " + rule.from().stream().sorted().map(Enum::name)
                    .collect(Collectors.joining(" or ")) + ".");
        }
        return rule.to() == null ? from : rule.to();
    }

    /** The statuses {@code transition} may leave (for tests and pages). */
    public static Set<ContractStatus> from(Transition transition) {
        return Set.copyOf(RULES.get(transition).from());
    }

    static {
        if (!RULES.keySet().containsAll(Arrays.asList(Transition.values()))) {
            throw new IllegalStateException("Every transition needs a rule");
        }
    }
}

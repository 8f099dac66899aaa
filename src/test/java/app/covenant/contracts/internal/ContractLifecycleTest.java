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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.contracts.ContractStatus;
import app.covenant.contracts.internal.ContractLifecycle.Transition;
import app.covenant.shared.problem.ProblemException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CLM.md "States" as a table: for every transition, the statuses it may leave and where it leads; every other
 * (status, transition) pair is refused with 409 — all 12 × 14 pairs are checked.
 */
class ContractLifecycleTest {

    /** transition → (from → to); a missing "from" is illegal. {@code to == from} for EDIT. */
    private static final Map<Transition, Map<ContractStatus, ContractStatus>> LEGAL = new EnumMap<>(Transition.class);

    static {
        legal(Transition.EDIT, DRAFT, DRAFT, REVISION_REQUESTED, REVISION_REQUESTED);
        legal(Transition.SUBMIT, DRAFT, SENT_TO_LEGAL, REVISION_REQUESTED, SENT_TO_LEGAL);
        legal(Transition.ESCALATE, SENT_TO_LEGAL, PENDING_LEGAL_HEAD);
        legal(Transition.RETURN_TO_LEGAL, PENDING_LEGAL_HEAD, SENT_TO_LEGAL);
        legal(Transition.LEGAL_APPROVE_THEN_FINANCE, SENT_TO_LEGAL, SENT_TO_FINANCE, PENDING_LEGAL_HEAD, SENT_TO_FINANCE);
        legal(Transition.LEGAL_APPROVE_FINAL, SENT_TO_LEGAL, APPROVED, PENDING_LEGAL_HEAD, APPROVED);
        legal(Transition.FINANCE_APPROVE, SENT_TO_FINANCE, APPROVED);
        legal(Transition.REQUEST_REVISION, SENT_TO_LEGAL, REVISION_REQUESTED, PENDING_LEGAL_HEAD, REVISION_REQUESTED,
                SENT_TO_FINANCE, REVISION_REQUESTED);
        legal(Transition.REJECT, SENT_TO_LEGAL, REJECTED, PENDING_LEGAL_HEAD, REJECTED, SENT_TO_FINANCE, REJECTED);
        legal(Transition.CANCEL, DRAFT, CANCELLED, SENT_TO_LEGAL, CANCELLED, PENDING_LEGAL_HEAD, CANCELLED,
                SENT_TO_FINANCE, CANCELLED, REVISION_REQUESTED, CANCELLED, APPROVED, CANCELLED,
                SENT_TO_COUNTERPARTY, CANCELLED);
        legal(Transition.TERMINATE, ACTIVE, TERMINATED);
        legal(Transition.SEND_TO_COUNTERPARTY, APPROVED, SENT_TO_COUNTERPARTY);
        legal(Transition.ACTIVATE, SENT_TO_COUNTERPARTY, ACTIVE);
        legal(Transition.EXPIRE, ACTIVE, EXPIRED);
    }

    private static void legal(Transition transition, ContractStatus... pairs) {
        Map<ContractStatus, ContractStatus> map = new EnumMap<>(ContractStatus.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        LEGAL.put(transition, map);
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (Transition transition : Transition.values()) {
            for (ContractStatus status : ContractStatus.values()) {
                pairs.add(Arguments.of(status, transition, LEGAL.get(transition).get(status)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{1} from {0} -> {2}")
    @MethodSource("everyPair")
    void everyStatusAndTransition(ContractStatus from, Transition transition, ContractStatus expected) {
        if (expected == null) {
            assertThat(ContractLifecycle.allows(from, transition)).isFalse();
            assertThatThrownBy(() -> ContractLifecycle.next(from, transition))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.getMessage()).contains(from.name());
                    });
        } else {
            assertThat(ContractLifecycle.allows(from, transition)).isTrue();
            assertThat(ContractLifecycle.next(from, transition)).isEqualTo(expected);
        }
    }

    @Test
    void everyStatusIsReachableFromDraft() {
        List<ContractStatus> reached = new ArrayList<>(List.of(DRAFT));
        for (int i = 0; i < reached.size(); i++) {
            ContractStatus from = reached.get(i);
            for (Transition transition : Transition.values()) {
                if (ContractLifecycle.allows(from, transition)) {
                    ContractStatus to = ContractLifecycle.next(from, transition);
                    if (!reached.contains(to)) {
                        reached.add(to);
                    }
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(ContractStatus.values());
    }

    @Test
    void theEndsAreFinal() {
        for (ContractStatus end : List.of(REJECTED, CANCELLED, TERMINATED, EXPIRED)) {
            for (Transition transition : Transition.values()) {
                assertThat(ContractLifecycle.allows(end, transition)).as("%s from %s", transition, end).isFalse();
            }
        }
    }
}

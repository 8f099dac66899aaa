package app.covenant.contracts.web.pages;

import app.covenant.contracts.ContractCounts;
import app.covenant.contracts.ContractCounts.Queue;
import app.covenant.contracts.ContractPermissions;
import app.covenant.platform.ui.HomeCard;
import app.covenant.platform.ui.HomeCardSource;
import app.covenant.shared.security.Caller;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * "Contracts waiting for my approval", one card per queue the caller decides (legal, finance, escalated to the head
 * of legal), linking to that queue's page; and "My drafts sent back for revision", linking to the caller's contracts
 * in REVISION_REQUESTED. One indexed count each ({@link ContractCounts}); a card of zero is not shown.
 */
@Component
class ContractHomeCards implements HomeCardSource {

    static final String APPROVALS = "/contracts/approvals?type=";

    private final ContractCounts counts;

    ContractHomeCards(ContractCounts counts) {
        this.counts = counts;
    }

    @Override
    public List<HomeCard> cardsFor(Caller caller) {
        List<HomeCard> cards = new ArrayList<>();
        if (caller.has(ContractPermissions.LEGAL_ACT)) {
            queue(cards, caller, Queue.LEGAL, "Contracts waiting for legal approval",
                    "Approve, send back or escalate the contracts in the legal queue.");
        }
        if (caller.has(ContractPermissions.LEGAL_HEAD)) {
            queue(cards, caller, Queue.ESCALATED, "Contracts escalated to the head of legal",
                    "Only the head of legal may decide these: approve, reject or return them to legal.");
        }
        if (caller.has(ContractPermissions.FINANCE_ACT)) {
            queue(cards, caller, Queue.FINANCE, "Contracts waiting for finance approval",
                    "Legal approved these: approve them or send them back.");
        }
        if (caller.has(ContractPermissions.CREATE) && caller.has(ContractPermissions.READ)) {
            long sentBack = counts.sentBackForRevision(caller);
            if (sentBack > 0) {
                cards.add(new HomeCard("My drafts sent back for revision", sentBack,
                        "Read the reviewers' comments, edit, and submit again.",
                        "/contracts?status=REVISION_REQUESTED&owner=me", "file", HomeCard.Urgency.ACTION_NEEDED));
            }
        }
        return cards;
    }

    private void queue(List<HomeCard> cards, Caller caller, Queue queue, String title, String summary) {
        long waiting = counts.waiting(caller, queue);
        if (waiting > 0) {
            cards.add(new HomeCard(title, waiting, summary, APPROVALS + queue.name(), "check",
                    HomeCard.Urgency.ACTION_NEEDED));
        }
    }
}

package app.covenant.holdharmless.web;

import app.covenant.holdharmless.HoldHarmless;
import app.covenant.holdharmless.HoldHarmlessAgreements;
import app.covenant.holdharmless.HoldHarmlessStats;
import app.covenant.platform.ui.HomeCard;
import app.covenant.platform.ui.HomeCardSource;
import app.covenant.shared.security.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * "Hold-harmless agreements to sign" for the sub's and the GC's people whose turn it is, and, for holders of
 * {@code holdharmless:manage}, "Overdue signatures": agreements awaiting a signature longer than the statistics'
 * overdue threshold. No card when there is nothing.
 */
@Component
class HoldHarmlessHomeCards implements HomeCardSource {

    static final int NAMED = 3;
    static final int TO_SIGN = 50;

    private final HoldHarmlessAgreements agreements;

    HoldHarmlessHomeCards(HoldHarmlessAgreements agreements) {
        this.agreements = agreements;
    }

    @Override
    public List<HomeCard> cardsFor(Caller caller) {
        List<HomeCard> cards = new ArrayList<>();
        if (caller.has(HoldHarmlessAgreements.SIGN) && caller.userId() != null) {
            List<HoldHarmless> toSign = agreements.waitingForMe(caller, TO_SIGN);
            if (!toSign.isEmpty()) {
                String href = toSign.size() == 1 ? "/hold-harmless/" + toSign.getFirst().id() + "/sign" : "/hold-harmless";
                cards.add(new HomeCard("Hold-harmless agreements to sign", toSign.size(),
                        "Sign " + names(toSign, toSign.size()), href, "signature", HomeCard.Urgency.ACTION_NEEDED));
            }
        }
        if (caller.has(HoldHarmlessAgreements.MANAGE)) {
            HoldHarmlessStats stats = agreements.stats(caller);
            List<HoldHarmless> overdue = stats.overdue() == 0 ? List.of() : agreements.overdue(caller, NAMED);
            if (!overdue.isEmpty()) {
                String href = stats.overdue() == 1 ? "/hold-harmless/" + overdue.getFirst().id() : "/hold-harmless";
                cards.add(new HomeCard("Overdue signatures", stats.overdue(), "Waiting more than "
                        + stats.overdueAfterDays() + " days for a signature: " + names(overdue, stats.overdue()),
                        href, "alert", HomeCard.Urgency.ATTENTION));
            }
        }
        return cards;
    }

    private static String names(List<HoldHarmless> agreements, long count) {
        return agreements.stream().limit(NAMED).map(a -> a.subName() + " on " + a.projectName())
                .collect(Collectors.joining("; ")) + (count > NAMED ? "; and more." : ".");
    }
}

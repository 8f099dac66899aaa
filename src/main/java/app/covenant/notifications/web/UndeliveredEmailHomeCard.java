package app.covenant.notifications.web;

import app.covenant.notifications.internal.UndeliveredEmail;
import app.covenant.platform.ui.HomeCard;
import app.covenant.platform.ui.HomeCard.Urgency;
import app.covenant.platform.ui.HomeCardSource;
import app.covenant.shared.security.Caller;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * For outbox readers: e-mail of their organization that Covenant gave up sending. Someone did not get
 * an invitation or a reset link until a person looks, so it is the most urgent kind of card.
 */
@Component
class UndeliveredEmailHomeCard implements HomeCardSource {

    private final UndeliveredEmail undelivered;

    UndeliveredEmailHomeCard(UndeliveredEmail undelivered) {
        this.undelivered = undelivered;
    }

    @Override
    public List<HomeCard> cardsFor(Caller caller) {
        if (!caller.has("outbox:read")) {
            return List.of();
        }
        long count = undelivered.count(caller.organizationId());
        return List.of(new HomeCard("Undelivered e-mail", count,
                count == 1 ? "An e-mail could not be delivered: open it to see why and retry."
                        : "E-mails that could not be delivered: open one to see why and retry.",
                "/admin/outbox?status=FAILED", "inbox", Urgency.ACTION_NEEDED));
    }
}

package app.covenant.notifications.web;

import app.covenant.notifications.internal.NotificationInbox;
import app.covenant.platform.ui.HomeCard;
import app.covenant.platform.ui.HomeCard.Urgency;
import app.covenant.platform.ui.HomeCardSource;
import app.covenant.shared.security.Caller;
import java.util.List;
import org.springframework.stereotype.Component;

/** The caller's unread notifications in the organization they work in — the bell's count, as a card. */
@Component
class UnreadNotificationsHomeCard implements HomeCardSource {

    private final NotificationInbox inbox;

    UnreadNotificationsHomeCard(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public List<HomeCard> cardsFor(Caller caller) {
        if (!caller.has("notification:read")) {
            return List.of();
        }
        long count = inbox.unreadCount(caller);
        return List.of(new HomeCard("Unread notifications", count,
                count == 1 ? "One notification you have not read yet." : "Notifications you have not read yet.",
                "/notifications?unread=true", "bell", Urgency.ATTENTION));
    }
}

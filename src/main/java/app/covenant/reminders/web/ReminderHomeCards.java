package app.covenant.reminders.web;

import app.covenant.platform.ui.HomeCard;
import app.covenant.platform.ui.HomeCardSource;
import app.covenant.reminders.ExpirationReminder;
import app.covenant.reminders.Reminders;
import app.covenant.reminders.internal.ReminderDetails;
import app.covenant.shared.security.Caller;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * "Reminders waiting for your acknowledgement": for managers and admins the organization's, for a broker the ones
 * naming them; the summary names the five most urgent.
 */
@Component
class ReminderHomeCards implements HomeCardSource {

    static final int SHOWN = 5;

    private final Reminders reminders;
    private final ReminderDetails details;
    private final ReminderLabels labels;

    ReminderHomeCards(Reminders reminders, ReminderDetails details, ReminderLabels labels) {
        this.reminders = reminders;
        this.details = details;
        this.labels = labels;
    }

    @Override
    public List<HomeCard> cardsFor(Caller caller) {
        if (!caller.has("reminders:acknowledge") && !caller.has(Reminders.READ)) {
            return List.of();
        }
        Page<ExpirationReminder> waiting = reminders.waitingFor(caller, PageRequest.of(0, SHOWN));
        if (waiting.getTotalElements() == 0) {
            return List.of();
        }
        String summary = "Most urgent: " + details.of(waiting.getContent()).stream()
                .map(row -> row.subName() + " " + row.reminder().policyType() + " "
                        + labels.days(row.reminder().daysBeforeExpiry()))
                .collect(Collectors.joining("; ")) + ".";
        // A broker cannot open the organization's list; the first reminder's own page is theirs.
        String href = caller.has(Reminders.READ) ? "/reminders"
                : "/reminders/" + waiting.getContent().getFirst().id() + "/acknowledge";
        return List.of(new HomeCard("Reminders waiting for your acknowledgement", waiting.getTotalElements(), summary,
                href, "calendar", HomeCard.Urgency.ACTION_NEEDED));
    }
}

package app.covenant.reminders;

import app.covenant.identity.IdentityProperties;
import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import app.covenant.reminders.internal.Digests;
import app.covenant.reminders.internal.DueReminders;
import app.covenant.reminders.internal.NewReminder;
import app.covenant.reminders.internal.ReminderRows;
import app.covenant.reminders.internal.SettingsRows;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One reminder run for a calendar day: records the due reminders (set-based, exactly once — see
 * {@link DueReminders}), gives each its recipients and subject, and queues one digest e-mail per recipient and
 * organization, all in one transaction so a reminder exists exactly when its e-mails do. Each e-mail is built and
 * checked (address, subject) before it is queued: one the outbox would refuse is logged and skipped, the run goes on;
 * delivery failures are the outbox's to retry.
 */
@Service
public class ReminderRunner {

    private static final Logger log = LoggerFactory.getLogger(ReminderRunner.class);

    private final DueReminders due;
    private final ReminderRows rows;
    private final SettingsRows settings;
    private final EmailOutbox outbox;
    private final IdentityProperties identity;
    private final RemindersProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ReminderRunner(DueReminders due, ReminderRows rows, SettingsRows settings, EmailOutbox outbox,
                   IdentityProperties identity, RemindersProperties properties, Clock clock,
                   PlatformTransactionManager transactions) {
        this.due = due;
        this.rows = rows;
        this.settings = settings;
        this.outbox = outbox;
        this.identity = identity;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The run for today in {@code covenant.reminders.time-zone}. */
    public ReminderRunResult run() {
        return runFor(LocalDate.now(clock.withZone(properties.timeZone())));
    }

    /** The run for {@code day}: what the job (or the manual trigger) does on that day. */
    public ReminderRunResult runFor(LocalDate day) {
        long started = System.nanoTime();
        ReminderRunResult result = transaction.execute(status -> {
            long checked = due.candidates(day);
            // Microseconds: what both databases keep, so the H2 path can find this run's rows by it.
            Instant sentAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<NewReminder> recorded = due.record(day, sentAt, rows);
            int queued = mail(recorded);
            return new ReminderRunResult(checked, recorded.size(), queued, 0);
        });
        long ms = (System.nanoTime() - started) / 1_000_000;
        log.info("Reminder run for {}: {} policies checked, {} reminders, {} e-mails queued in {} ms", day,
                result.policiesChecked(), result.remindersSent(), result.emailsQueued(), ms);
        return new ReminderRunResult(result.policiesChecked(), result.remindersSent(), result.emailsQueued(), ms);
    }

    private int mail(List<NewReminder> recorded) {
        String globalAdmin = identity.firstStart().adminEmail();
        Map<UUID, List<String>> extras = new HashMap<>();
        // organization → recipient → that recipient's reminders
        Map<UUID, Map<String, List<NewReminder>>> digests = new LinkedHashMap<>();
        List<Object[]> stamps = new ArrayList<>();
        for (NewReminder reminder : recorded) {
            List<String> extra = extras.computeIfAbsent(reminder.organizationId(),
                    org -> settings.find(org).extraRecipients());
            List<String> to = Digests.recipients(reminder, globalAdmin, extra);
            stamps.add(new Object[] {reminder.id(), Digests.sentTo(to), Digests.subject(reminder)});
            Map<String, List<NewReminder>> byRecipient =
                    digests.computeIfAbsent(reminder.organizationId(), org -> new LinkedHashMap<>());
            to.forEach(address -> byRecipient.computeIfAbsent(address, a -> new ArrayList<>()).add(reminder));
        }
        rows.stamp(stamps);
        int queued = 0;
        for (Map.Entry<UUID, Map<String, List<NewReminder>>> organization : digests.entrySet()) {
            for (Map.Entry<String, List<NewReminder>> digest : organization.getValue().entrySet()) {
                if (enqueue(organization.getKey(), digest.getKey(), digest.getValue())) {
                    queued++;
                }
            }
        }
        return queued;
    }

    private boolean enqueue(UUID organizationId, String to, List<NewReminder> reminders) {
        OutgoingEmail email;
        try {
            email = new OutgoingEmail(to, Digests.digestSubject(reminders), Digests.TEMPLATE, Digests.model(reminders),
                    organizationId);
        } catch (IllegalArgumentException e) {
            log.warn("Could not queue the reminder digest of organization {} ({} reminders): {}", organizationId,
                    reminders.size(), e.getMessage());
            return false;
        }
        outbox.enqueue(email);
        return true;
    }
}

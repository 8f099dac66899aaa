package app.covenant.reminders;

import app.covenant.identity.IdentityProperties;
import app.covenant.notifications.EmailOutbox;
import app.covenant.reminders.internal.DigestLines;
import app.covenant.reminders.internal.DigestWriter;
import app.covenant.reminders.internal.DueReminders;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One reminder run for a calendar day: records the due reminders with their subjects and recipients (set-based,
 * exactly once — see {@link DueReminders}), then queues one digest e-mail per recipient and organization
 * ({@link DigestLines}, {@link DigestWriter}), all in one transaction so a reminder exists exactly when its e-mails
 * do. Memory stays flat however large the run: the application never holds the run's reminders, only a batch of
 * digests. Delivery failures are the outbox's to retry.
 */
@Service
public class ReminderRunner {

    private static final Logger log = LoggerFactory.getLogger(ReminderRunner.class);

    private final DueReminders due;
    private final DigestLines digests;
    private final EmailOutbox outbox;
    private final IdentityProperties identity;
    private final RemindersProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ReminderRunner(DueReminders due, DigestLines digests, EmailOutbox outbox, IdentityProperties identity,
                   RemindersProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.due = due;
        this.digests = digests;
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
            // Microseconds: what both databases keep, so the H2 path can find this run's rows by it.
            Instant sentAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            DueReminders.Recorded recorded = due.record(day, sentAt, identity.firstStart().adminEmail());
            long recordedAt = System.nanoTime();
            DigestWriter writer = new DigestWriter(outbox);
            if (recorded.reminders() > 0) {
                digests.forEach(sentAt, writer);
            }
            int queued = writer.finish();
            log.debug("Reminder run for {}: recorded in {} ms, digests queued in {} ms", day,
                    (recordedAt - started) / 1_000_000, (System.nanoTime() - recordedAt) / 1_000_000);
            return new ReminderRunResult(recorded.candidates(), recorded.reminders(), queued, 0);
        });
        long ms = (System.nanoTime() - started) / 1_000_000;
        log.info("Reminder run for {}: {} policies checked, {} reminders, {} e-mails queued in {} ms", day,
                result.policiesChecked(), result.remindersSent(), result.emailsQueued(), ms);
        return new ReminderRunResult(result.policiesChecked(), result.remindersSent(), result.emailsQueued(), ms);
    }
}

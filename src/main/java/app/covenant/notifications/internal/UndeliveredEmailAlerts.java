package app.covenant.notifications.internal;

import app.covenant.notifications.Notice;
import app.covenant.notifications.NotificationRecipients;
import app.covenant.notifications.NotificationType;
import app.covenant.notifications.Notifier;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the outbox gives a message up, the people of its organization who read the outbox hear of it
 * under the bell, with a link to the message (where they can retry it). In the app only by default:
 * e-mail is what just failed.
 */
@Component
class UndeliveredEmailAlerts {

    static final String TYPE = "notifications.email-undelivered";
    /** The permission of the outbox pages; named here since this module does not use identity's catalogue. */
    static final String OUTBOX_READ = "outbox:read";

    private static final Logger log = LoggerFactory.getLogger(UndeliveredEmailAlerts.class);
    private static final int MAX_ADDRESS_IN_TITLE = 120;

    private final JdbcTemplate jdbc;
    private final NotificationRecipients recipients;
    private final Notifier notifier;
    private final TransactionTemplate transactions;

    UndeliveredEmailAlerts(JdbcTemplate jdbc, NotificationRecipients recipients, Notifier notifier,
                           TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.notifier = notifier;
        this.transactions = transactions;
    }

    @Bean
    static NotificationType undeliveredEmailType() {
        return new NotificationType(TYPE, "Undelivered e-mail",
                "An e-mail of your organization could not be delivered and was given up (outbox readers only).",
                true, false);
    }

    // Runs on the sending thread right after the FAILED state is stored (outside any transaction). A
    // failure here must not disturb delivery: it is logged, and the message stays visible in the outbox.
    @EventListener
    void on(OutboxMessageGivenUp event) {
        try {
            transactions.executeWithoutResult(status -> alert(event.messageId()));
        } catch (RuntimeException e) {
            log.warn("Could not notify the outbox readers of given-up e-mail {}", event.messageId(), e);
        }
    }

    private void alert(UUID messageId) {
        jdbc.query("select organization_id, to_address, subject, attempts from email_outbox "
                + "where id = ? and status = 'FAILED'", rs -> {
            UUID organizationId = rs.getObject("organization_id", UUID.class);
            if (organizationId == null) {
                // A message of no organization (to a platform operator) has no one to tell but the log.
                return;
            }
            List<UUID> readers = recipients.holdersOf(organizationId, OUTBOX_READ);
            String address = abbreviate(rs.getString("to_address"));
            notifier.notify(readers, Notice.of(organizationId, TYPE,
                    "An e-mail to " + address + " could not be delivered",
                    "Covenant gave up sending “" + rs.getString("subject") + "” after " + rs.getInt("attempts")
                            + " attempt(s). Open it to see the error and retry.",
                    "/admin/outbox/" + messageId));
        }, messageId);
    }

    private static String abbreviate(String address) {
        return address.length() <= MAX_ADDRESS_IN_TITLE ? address : address.substring(0, MAX_ADDRESS_IN_TITLE) + "…";
    }
}

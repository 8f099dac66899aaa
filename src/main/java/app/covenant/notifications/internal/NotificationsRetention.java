package app.covenant.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes in-app notifications older than {@code NOTIFICATIONS_RETENTION_DAYS} and outbox messages older
 * than {@code EMAIL_OUTBOX_RETENTION_DAYS}, oldest first, a batch per statement and transaction, so a
 * large backlog never holds long locks or one huge transaction.
 */
@Service
class NotificationsRetention {

    /** What one run deleted. */
    record Result(long notifications, long outboxMessages) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final NotificationsProperties.Retention settings;
    private final Clock clock;

    NotificationsRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                           NotificationsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = properties.retention();
        this.clock = clock;
    }

    Result runNow() {
        Instant now = clock.instant();
        long notifications = deleteOlderThan("notifications", now.minus(Duration.ofDays(settings.notificationsDays())));
        long outbox = deleteOlderThan("email_outbox", now.minus(Duration.ofDays(settings.outboxDays())));
        return new Result(notifications, outbox);
    }

    private long deleteOlderThan(String table, Instant cutoff) {
        String delete = "delete from " + table + " where id in (select id from " + table
                + " where created_at < ? order by created_at limit ?)";
        Timestamp before = Timestamp.from(cutoff);
        long deleted = 0;
        int batch;
        do {
            Integer count = transaction.execute(status -> jdbc.update(delete, before, settings.batchSize()));
            batch = count == null ? 0 : count;
            deleted += batch;
        } while (batch == settings.batchSize());
        return deleted;
    }
}

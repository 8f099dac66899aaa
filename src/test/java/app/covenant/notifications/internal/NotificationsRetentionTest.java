package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The retention job deletes notifications and outbox messages past their retention, in batches (here
 * of two rows, so several batches run), and keeps everything younger.
 */
@IntegrationTest
class NotificationsRetentionTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    NotificationsProperties properties;
    @Autowired
    Clock clock;

    @Test
    void oldRowsGoInBatchesYoungRowsStay() {
        UUID user = TestTenants.create(jdbc).userId("USER");
        UUID organization = jdbc.queryForObject("select organization_id from memberships where user_id = ?",
                UUID.class, user);
        Instant now = clock.instant();
        Instant old = now.minus(Duration.ofDays(properties.retention().notificationsDays() + 1));
        Instant oldMail = now.minus(Duration.ofDays(properties.retention().outboxDays() + 1));
        List<UUID> oldMessages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            notification(user, organization, old);
            oldMessages.add(outboxMessage(organization, oldMail, i % 2 == 0 ? "SENT" : "FAILED"));
        }
        UUID youngNotification = notification(user, organization, now.minus(Duration.ofDays(1)));
        UUID youngMessage = outboxMessage(organization, now.minus(Duration.ofDays(1)), "SENT");
        attach(oldMessages.getFirst());
        attach(youngMessage);

        NotificationsRetention.Result result = retentionInBatchesOf(2).runNow();

        assertThat(result.notifications()).isGreaterThanOrEqualTo(5);
        assertThat(result.outboxMessages()).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.queryForList("select id from notifications where user_id = ?", UUID.class, user))
                .containsExactly(youngNotification);
        assertThat(jdbc.queryForList("select id from email_outbox where organization_id = ?", UUID.class,
                organization)).containsExactly(youngMessage);
        assertThat(jdbc.queryForList("select message_id from email_outbox_attachments where message_id in (?, ?)",
                UUID.class, oldMessages.getFirst(), youngMessage)).as("files go with their message")
                .containsExactly(youngMessage);
    }

    private void attach(UUID messageId) {
        jdbc.update("insert into email_outbox_attachments (id, message_id, part_order, filename, content_type, "
                + "size_bytes, content) values (?, ?, 0, 'a.pdf', 'application/pdf', 4, ?)", UUID.randomUUID(),
                messageId, "%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private NotificationsRetention retentionInBatchesOf(int batchSize) {
        NotificationsProperties.Retention retention = properties.retention();
        NotificationsProperties small = new NotificationsProperties(properties.provider(), properties.from(),
                properties.smtp(), properties.sendgrid(), properties.ses(), properties.delivery(),
                new NotificationsProperties.Retention(retention.notificationsDays(), retention.outboxDays(),
                        retention.cron(), batchSize));
        return new NotificationsRetention(jdbc, transactions, small, clock);
    }

    private UUID notification(UUID user, UUID organization, Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into notifications (id, user_id, organization_id, type, title, message, created_at) "
                + "values (?, ?, ?, 'identity.invitation-accepted', 't', 'm', ?)", id, user, organization,
                Timestamp.from(createdAt));
        return id;
    }

    private UUID outboxMessage(UUID organization, Instant createdAt, String status) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into email_outbox (id, organization_id, to_address, subject, body_text, body_html, "
                + "template, status, next_attempt_at, created_at) values (?, ?, 'old@example.com', 's', 'b', 'b', "
                + "'notification', ?, ?, ?)", id, organization, status, Timestamp.from(createdAt),
                Timestamp.from(createdAt));
        return id;
    }
}

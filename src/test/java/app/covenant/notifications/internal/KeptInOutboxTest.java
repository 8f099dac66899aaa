package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import app.covenant.notifications.SmtpOutboxTestSupport;
import app.covenant.support.IntegrationTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code EMAIL_PROVIDER=outbox}, the embedded default: messages are stored for the admin outbox page and
 * never sent, even with an SMTP server configured and reachable.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class KeptInOutboxTest {

    private static final int SMTP_PORT = SmtpOutboxTestSupport.freePort();
    private static final String DOMAIN = "kept-in-outbox.test";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    EmailOutbox outbox;
    @Autowired
    OutboxSender sender;
    @Autowired
    EmailProviderConfiguration providers;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void outboxProviderWithAReachableSmtpServer(DynamicPropertyRegistry registry) {
        registry.add("covenant.notifications.provider", () -> "outbox");
        registry.add("covenant.notifications.smtp.host", () -> "127.0.0.1");
        registry.add("covenant.notifications.smtp.port", () -> SMTP_PORT);
        registry.add("covenant.notifications.smtp.starttls", () -> "false");
    }

    @AfterEach
    void leaveNothingForOtherContextsToSend() {
        jdbc.sql("DELETE FROM email_outbox WHERE to_address LIKE ?").param("%@" + DOMAIN).update();
    }

    @Test
    void keepsMessagesPendingAndSendsNothing() {
        UUID id = transactions.execute(status -> outbox.enqueue(new OutgoingEmail("ana@" + DOMAIN, "Welcome",
                "email-verification", Map.of("name", "Ana", "link", "/verify?token=t", "expiresAt", Instant.EPOCH))));

        OutboxSender.RunSummary run = sender.sendDue();

        assertThat(run.sent()).isZero();
        assertThat(run.pending()).isPositive();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> greenMail.getReceivedMessages().length == 0);
        assertThat(jdbc.sql("SELECT status, attempts FROM email_outbox WHERE id = ?").param(id)
                .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2)).single()).isEqualTo("PENDING/0");
    }

    @Test
    void saysAtStartupThatMessagesAreKeptNotSent(CapturedOutput output) {
        providers.reportProvider();

        assertThat(output).contains("E-mail provider: outbox. Messages are kept in the outbox as PENDING and not sent");
    }

    @Test
    void registersTheRecurringSenderJob() {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'email-outbox-sender'").query(Long.class).single() == 1);
    }
}

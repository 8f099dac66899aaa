package app.covenant.notifications;

import static org.awaitility.Awaitility.await;

import app.covenant.notifications.internal.OutboxSending;
import app.covenant.support.IntegrationTest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole application with {@code EMAIL_PROVIDER=smtp} pointed at a real SMTP server (GreenMail, with
 * authentication) in this JVM, and a clock tests can move. Every subclass shares one application context:
 * they declare the same configuration, and GreenMail always listens on the same port.
 */
@IntegrationTest
@Import(SmtpOutboxTestSupport.MovableTime.class)
public abstract class SmtpOutboxTestSupport {

    public static final String FRONTEND_URL = "https://covenant.test";
    protected static final String SMTP_USER = "covenant-mailer";
    protected static final String SMTP_PASSWORD = "smtp-password-for-tests";
    private static final int SMTP_PORT = freePort();
    // Reserved by RFC 2606: never a real recipient, and it marks the rows these tests own.
    private static final String TEST_DOMAIN = "outbox.invalid";

    @RegisterExtension
    protected static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_PASSWORD));

    @Autowired
    protected EmailOutbox outbox;
    @Autowired
    protected AdjustableClock clock;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void smtpProvider(DynamicPropertyRegistry registry) {
        registry.add("covenant.notifications.provider", () -> "smtp");
        registry.add("covenant.notifications.from", () -> "Covenant <no-reply@covenant.test>");
        registry.add("covenant.notifications.smtp.host", () -> "127.0.0.1");
        registry.add("covenant.notifications.smtp.port", () -> SMTP_PORT);
        registry.add("covenant.notifications.smtp.username", () -> SMTP_USER);
        registry.add("covenant.notifications.smtp.password", () -> SMTP_PASSWORD);
        registry.add("covenant.notifications.smtp.starttls", () -> "false");
        // Small batches, so concurrent senders interleave over the same rows.
        registry.add("covenant.notifications.delivery.batch-size", () -> "5");
        registry.add("covenant.platform.frontend-url", () -> FRONTEND_URL);
        // Tests run the job's body themselves; a scheduled run landing mid-test would make counts racy.
        // KeptInOutboxTest proves the job is registered with the scheduler.
        registry.add("db-scheduler.enabled", () -> "false");
    }

    /** Sends these addresses' due messages now (bulk ones wait for the sender job): see {@link OutboxSending}. */
    protected void sendDueTo(String... addresses) {
        OutboxSending.sendDueTo(context, List.of(addresses));
    }

    protected <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    protected void inRolledBackTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            work.run();
            status.setRollbackOnly();
        });
    }

    protected UUID enqueueCommitted(OutgoingEmail email) {
        return inTransaction(() -> outbox.enqueue(email));
    }

    protected static OutgoingEmail passwordReset(String to, String name) {
        return new OutgoingEmail(to, "Reset your Covenant password", "password-reset", Map.of(
                "name", name, "link", "/reset-password?token=reset-token-" + UUID.randomUUID(),
                "expiresAt", Instant.parse("2026-12-01T09:00:00Z")));
    }

    /** A recipient no other test uses, so counts never mix with another test's messages. */
    protected static String uniqueAddress(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + TEST_DOMAIN;
    }

    protected static String uniqueDomain(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "." + TEST_DOMAIN;
    }

    /** Messages a test left due would be sent (or failed) by the next test's sender runs and skew its counts. */
    @AfterEach
    void leaveNothingDue() {
        jdbc.sql("DELETE FROM email_outbox WHERE status = 'PENDING' AND to_address LIKE ?").param("%" + TEST_DOMAIN).update();
    }

    protected static List<MimeMessage> receivedFor(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> recipient(m).equals(address)).toList();
    }

    protected static List<MimeMessage> receivedAt(String domain) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> recipient(m).endsWith("@" + domain)).toList();
    }

    protected static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected OutboxRow row(UUID id) {
        return jdbc.sql("""
                        SELECT status, attempts, last_error, next_attempt_at, sent_at, correlation_id, claim_token
                        FROM email_outbox WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new OutboxRow(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getString(6), rs.getObject(7) != null))
                .single();
    }

    protected long rowsTo(String addressPattern, String status) {
        return jdbc.sql("SELECT count(*) FROM email_outbox WHERE to_address LIKE ? AND status = ?")
                .params(addressPattern, status).query(Long.class).single();
    }

    /** Proves something stays true for a while: "exactly once" means no late duplicate either. */
    protected static void holdsFor(Duration duration, Callable<Boolean> condition) {
        await().during(duration).atMost(duration.plusSeconds(5)).until(condition);
    }

    public record OutboxRow(String status, int attempts, String lastError, Instant nextAttemptAt, Instant sentAt,
                            String correlationId, boolean claimed) {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableTime {

        @Bean
        @Primary
        AdjustableClock adjustableClock() {
            return new AdjustableClock();
        }
    }
}

package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import app.covenant.notifications.SmtpOutboxTestSupport;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded default's database (H2 in PostgreSQL mode, a fresh file) runs the migration, validates
 * the entity, and claims with {@code FOR UPDATE SKIP LOCKED} so racing senders still send each message once.
 */
// No demo data: its certificates e-mail their parties, and this test counts every message of the outbox.
@SpringBootTest(properties = {"REDIS_URL=", "DATABASE_URL=", "covenant.identity.demo-data=false",
        "covenant.notifications.provider=smtp",
        "covenant.notifications.smtp.host=127.0.0.1", "covenant.notifications.smtp.starttls=false",
        "covenant.notifications.delivery.batch-size=3"})
class OutboxOnH2Test {

    private static final int SMTP_PORT = SmtpOutboxTestSupport.freePort();
    private static final int MESSAGES = 20;

    @RegisterExtension
    static final GreenMailExtension greenMail =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    EmailOutbox outbox;
    @Autowired
    OutboxSender sender;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void freshEmbeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        // covenant.data-dir, not DATA_DIR: that variable is read before dynamic properties exist.
        String dataDirectory = Files.createTempDirectory("covenant-outbox-h2").toString();
        registry.add("covenant.data-dir", () -> dataDirectory);
        registry.add("covenant.notifications.smtp.port", () -> SMTP_PORT);
    }

    @Test
    void runsOnH2AndRacingSendersSendEachMessageOnce() throws Exception {
        assertThat(jdbc.sql("SELECT H2VERSION()").query(String.class).single()).startsWith("2.4");
        assertThat(pending()).as("a fresh database").isZero();

        // Half one by one, half in bulk (its plain batch insert, rendered by the senders).
        transactions.executeWithoutResult(status -> IntStream.range(0, MESSAGES / 2).forEach(i -> outbox.enqueue(
                new OutgoingEmail("user" + i + "@h2.test", "Message " + i, "password-changed", Map.of("name", "User " + i)))));
        Integer stored = transactions.execute(status -> outbox.enqueueAll(IntStream.range(MESSAGES / 2, MESSAGES).mapToObj(i ->
                new OutgoingEmail("user" + i + "@h2.test", "Message " + i, "password-changed", Map.of("name", "User " + i)))
                .toList()));
        assertThat(stored).isEqualTo(MESSAGES / 2);
        assertThat(jdbc.sql("SELECT count(*) FROM email_outbox WHERE body_text IS NULL AND model_json IS NOT NULL")
                .query(Long.class).single()).isEqualTo(MESSAGES / 2);
        CompletableFuture<?>[] senders = IntStream.range(0, 2).mapToObj(i -> CompletableFuture.runAsync(() -> {
            for (int run = 0; run < 500 && pending() > 0; run++) {
                sender.sendDue();
            }
        })).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(senders).get(60, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(20)).until(() -> greenMail.getReceivedMessages().length >= MESSAGES);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> greenMail.getReceivedMessages().length == MESSAGES);
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(message -> {
            try {
                return message.getAllRecipients()[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet())).hasSize(MESSAGES);
        assertThat(jdbc.sql("SELECT count(*) FROM email_outbox WHERE status = 'SENT' AND body_text LIKE '%User %' "
                + "AND model_json IS NULL").query(Long.class).single()).isEqualTo(MESSAGES);
    }

    private long pending() {
        return jdbc.sql("SELECT count(*) FROM email_outbox WHERE status = 'PENDING'").query(Long.class).single();
    }
}

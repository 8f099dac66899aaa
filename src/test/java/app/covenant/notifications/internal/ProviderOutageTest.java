package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.notifications.OutgoingEmail;
import app.covenant.notifications.SmtpOutboxTestSupport;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SMTP server dies in the middle of a burst, stays down for three (simulated) hours while the sender
 * job keeps running, then comes back: every message arrives exactly once, identified by its Message-ID,
 * and its row tells the story (attempts, last error, no claim left behind).
 */
class ProviderOutageTest extends SmtpOutboxTestSupport {

    private static final int MESSAGES = 30;
    private static final int CUT_AFTER = 12;

    private final AtomicBoolean refusing = new AtomicBoolean(true);

    @Autowired
    OutboxSender sender;

    @Test
    void aBurstCutOffMidwayByAnOutageIsDeliveredExactlyOnceAfterRecovery() {
        String domain = uniqueDomain("burst");
        List<String> arrivals = recordArrivals(domain);
        List<UUID> ids = inTransaction(() -> IntStream.range(0, MESSAGES)
                .mapToObj(i -> outbox.enqueue(new OutgoingEmail("user" + i + "@" + domain, "Message " + i,
                        "password-changed", Map.of("name", "User " + i))))
                .toList());

        // The after-commit path sends the burst in order; after CUT_AFTER messages the server refuses the
        // rest ("451", nothing delivered), then goes away. Cutting at a message boundary keeps the test
        // exact: a server that dies between storing a message and acknowledging it makes every SMTP client
        // send it again, which no outbox can prevent.
        await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts(domain) >= 1);
        greenMail.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> rowsTo("%@" + domain, "SENT") == arrivals.size());
        List<String> beforeOutage = List.copyOf(arrivals);
        assertThat(beforeOutage).hasSize(CUT_AFTER);
        assertThat(rowsTo("%@" + domain, "SENT")).isEqualTo(CUT_AFTER);

        int runs = 0;
        for (Duration down = Duration.ZERO; down.compareTo(Duration.ofHours(3)) < 0; down = down.plusMinutes(10)) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(sender.sendDue().sent()).isZero();
            runs++;
        }
        assertThat(rowsTo("%@" + domain, "PENDING")).isEqualTo(MESSAGES - beforeOutage.size());
        assertThat(failedAttempts(domain)).as("each run pauses after three refusals in a row").isLessThanOrEqualTo(1 + 3L * runs);

        refusing.set(false);
        greenMail.start();
        for (int run = 0; run < 20 && rowsTo("%@" + domain, "PENDING") > 0; run++) {
            clock.advance(Duration.ofHours(1));
            sender.sendDue();
        }
        sender.sendDue();
        holdsFor(Duration.ofSeconds(1), () -> receivedAt(domain).size() == MESSAGES - beforeOutage.size());

        List<String> all = new ArrayList<>(beforeOutage);
        all.addAll(messageIds(domain, receivedAt(domain)));
        Map<String, Long> copies = all.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> "<" + id + "@covenant.test>").toList());
        assertThat(copies).allSatisfy((messageId, count) -> assertThat(count).as(messageId).isEqualTo(1));
        assertThat(ids).allSatisfy(id -> {
            OutboxRow row = row(id);
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.claimed()).isFalse();
            if (row.attempts() > 1) {
                assertThat(row.lastError()).startsWith("SMTP delivery failed").doesNotContain(SMTP_PASSWORD);
            } else {
                assertThat(row.lastError()).isNull();
            }
        });
    }

    /**
     * The Message-IDs of what GreenMail receives for {@code domain} from now until it stops: it forgets its
     * messages when stopped, and reading them just before would race the sender.
     */
    private List<String> recordArrivals(String domain) {
        List<String> arrived = new CopyOnWriteArrayList<>();
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler delivering = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            boolean ours = address.getEmail().endsWith("@" + domain);
            if (ours && refusing.get() && arrived.size() >= CUT_AFTER) {
                throw new IllegalStateException("simulated outage: refused before delivery");
            }
            GreenMailUser user = delivering.handle(message, address);
            if (ours) {
                arrived.add(message.getMessage().getMessageID());
            }
            return user;
        });
        return arrived;
    }

    private static List<String> messageIds(String domain, List<MimeMessage> messages) {
        return messages.stream().map(message -> {
            try {
                return message.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException("no Message-ID on a message to " + domain, e);
            }
        }).toList();
    }

    private long failedAttempts(String domain) {
        return jdbc.sql("SELECT coalesce(sum(CASE WHEN status = 'SENT' THEN attempts - 1 ELSE attempts END), 0)"
                        + " FROM email_outbox WHERE to_address LIKE ?")
                .param("%@" + domain).query(Long.class).single();
    }
}

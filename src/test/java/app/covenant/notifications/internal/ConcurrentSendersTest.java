package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.notifications.OutgoingEmail;
import app.covenant.notifications.SmtpOutboxTestSupport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two senders (two nodes' jobs, in effect) and the after-commit path race over the same due messages:
 * every message still reaches the SMTP server exactly once.
 */
class ConcurrentSendersTest extends SmtpOutboxTestSupport {

    private static final int MESSAGES = 50;

    @Autowired
    OutboxSender sender;

    @Test
    void twoSendersOverTheSameDueMessagesSendEachExactlyOnce() throws Exception {
        // With the server down, the after-commit path gives up at once and leaves every message due.
        greenMail.stop();
        String domain = uniqueDomain("race");
        enqueueCommitted(domain);
        await().atMost(Duration.ofSeconds(10)).until(() -> rowsWithAttempts(domain) >= 1);
        greenMail.start();
        clock.advance(Duration.ofMinutes(2));

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Void> first = sendUntilNothingPending(domain, start);
        CompletableFuture<Void> second = sendUntilNothingPending(domain, start);
        start.countDown();
        CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);

        assertEachSentExactlyOnce(domain);
    }

    @Test
    void theAfterCommitPathRacingTwoSendersSendsEachExactlyOnce() throws Exception {
        String domain = uniqueDomain("commit-race");
        CountDownLatch committed = new CountDownLatch(1);
        CompletableFuture<Void> first = sendUntilNothingPending(domain, committed);
        CompletableFuture<Void> second = sendUntilNothingPending(domain, committed);

        enqueueCommitted(domain);
        committed.countDown();
        CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);

        assertEachSentExactlyOnce(domain);
    }

    private void enqueueCommitted(String domain) {
        inTransaction(() -> IntStream.range(0, MESSAGES)
                .mapToObj(i -> outbox.enqueue(new OutgoingEmail("user" + i + "@" + domain, "Message " + i,
                        "password-changed", Map.of("name", "User " + i))))
                .toList());
    }

    private CompletableFuture<Void> sendUntilNothingPending(String domain, CountDownLatch start) {
        return CompletableFuture.runAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            // Rows the other sender holds stay PENDING until it records them: keep going until none is left.
            for (int run = 0; run < 500 && rowsTo("%@" + domain, "PENDING") > 0; run++) {
                sender.sendDue();
            }
        });
    }

    private void assertEachSentExactlyOnce(String domain) {
        await().atMost(Duration.ofSeconds(20)).until(() -> receivedAt(domain).size() >= MESSAGES);
        holdsFor(Duration.ofSeconds(1), () -> receivedAt(domain).size() == MESSAGES);
        Map<String, Long> perRecipient = receivedAt(domain).stream()
                .collect(Collectors.groupingBy(SmtpOutboxTestSupport::recipient, Collectors.counting()));
        assertThat(perRecipient).hasSize(MESSAGES).allSatisfy((recipient, count) -> assertThat(count).isEqualTo(1));
        assertThat(rowsTo("%@" + domain, "SENT")).isEqualTo(MESSAGES);
    }

    private long rowsWithAttempts(String domain) {
        return jdbc.sql("SELECT count(*) FROM email_outbox WHERE to_address LIKE ? AND attempts > 0")
                .param("%@" + domain).query(Long.class).single();
    }
}

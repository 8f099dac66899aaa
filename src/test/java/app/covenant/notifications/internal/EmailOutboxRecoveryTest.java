package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import app.covenant.notifications.SmtpOutboxTestSupport;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The SMTP server goes away and comes back: nothing is lost, nothing is sent twice, the caller never notices. */
class EmailOutboxRecoveryTest extends SmtpOutboxTestSupport {

    @Autowired
    OutboxSender sender;

    @Test
    void aMessageWaitsOutAnOutageAndIsDeliveredExactlyOnceAfterwards() {
        greenMail.stop();
        String to = uniqueAddress("outage");

        UUID id = enqueueCommitted(passwordReset(to, "Ana"));

        await().atMost(Duration.ofSeconds(10)).until(() -> row(id).attempts() == 1);
        OutboxRow failed = row(id);
        assertThat(failed.status()).isEqualTo("PENDING");
        assertThat(failed.lastError()).startsWith("SMTP delivery failed").doesNotContain(SMTP_PASSWORD, "token");
        assertThat(failed.nextAttemptAt()).isCloseTo(clock.instant().plus(Duration.ofMinutes(1)), within(15, ChronoUnit.SECONDS));
        assertThat(failed.claimed()).isFalse();

        greenMail.start();
        sender.sendDue();
        assertThat(row(id).attempts()).as("not due before its backoff ends").isEqualTo(1);
        assertThat(receivedFor(to)).isEmpty();

        clock.advance(Duration.ofMinutes(1).plusSeconds(5));
        sender.sendDue();

        await().atMost(Duration.ofSeconds(10)).until(() -> receivedFor(to).size() == 1);
        OutboxRow sent = row(id);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).as("kept, for the admin's history").isEqualTo(failed.lastError());
        sender.sendDue();
        holdsFor(Duration.ofSeconds(1), () -> receivedFor(to).size() == 1);
    }

    @Test
    void aMessageIsGivenUpAfterTenAttemptsWithGrowingPauses() {
        greenMail.stop();
        String to = uniqueAddress("gone");
        UUID id = enqueueCommitted(passwordReset(to, "Ana"));
        await().atMost(Duration.ofSeconds(10)).until(() -> row(id).attempts() == 1);

        Duration previousPause = Duration.ZERO;
        while (row(id).status().equals("PENDING")) {
            OutboxRow before = row(id);
            Duration pause = Duration.between(clock.instant(), before.nextAttemptAt());
            assertThat(pause).as("pause after attempt %d", before.attempts())
                    .isGreaterThanOrEqualTo(previousPause.minusSeconds(15)).isLessThanOrEqualTo(Duration.ofHours(1));
            previousPause = pause;
            clock.advance(pause.plusSeconds(1));
            sender.sendDue();
            assertThat(row(id).attempts()).isEqualTo(before.attempts() + 1);
        }

        OutboxRow gaveUp = row(id);
        assertThat(gaveUp.status()).isEqualTo("FAILED");
        assertThat(gaveUp.attempts()).isEqualTo(10);
        assertThat(previousPause).isCloseTo(Duration.ofHours(1), Duration.ofSeconds(15));
        greenMail.start();
        clock.advance(Duration.ofHours(2));
        sender.sendDue();
        holdsFor(Duration.ofSeconds(1), () -> receivedFor(to).isEmpty());
    }
}

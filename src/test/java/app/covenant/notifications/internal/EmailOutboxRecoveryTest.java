package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import app.covenant.notifications.SmtpOutboxTestSupport;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.IntStream;
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
    void aRunStopsAfterThreeFailuresInARowAndGivesBackWhatItHasNotTried() {
        greenMail.stop();
        String domain = uniqueDomain("down");
        inTransaction(() -> IntStream.range(0, 6).mapToObj(i -> outbox.enqueue(passwordReset("user" + i + "@" + domain, "U")))
                .toList());
        // The after-commit path tries the first message only, then leaves the rest to the job.
        await().atMost(Duration.ofSeconds(10)).until(() -> attempted(domain, 1) == 1);

        OutboxSender.RunSummary run = sender.sendDue();

        assertThat(run.failed()).isEqualTo(3);
        // Exactly 4 tried and 2 released when no other test left due messages behind; at least 2 untried otherwise.
        long untried = attempted(domain, 0);
        assertThat(untried).isGreaterThanOrEqualTo(2);
        assertThat(attempted(domain, 1)).isEqualTo(6 - untried);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM email_outbox
                        WHERE to_address LIKE ? AND attempts = 0 AND claim_token IS NULL AND next_attempt_at <= ?""")
                .params("%@" + domain, clock.instant().atOffset(ZoneOffset.UTC)).query(Long.class).single())
                .as("given back unclaimed and due at once").isEqualTo(untried);
    }

    @Test
    void aMessageIsGivenUpOnlyAfterTwoDaysOfGrowingPauses() {
        greenMail.stop();
        String to = uniqueAddress("gone");
        UUID id = enqueueCommitted(passwordReset(to, "Ana"));
        await().atMost(Duration.ofSeconds(10)).until(() -> row(id).attempts() == 1);
        java.time.Instant outageStart = clock.instant();

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
        assertThat(gaveUp.attempts()).isEqualTo(60);
        assertThat(Duration.between(outageStart, clock.instant())).as("a weekend-long provider outage loses nothing")
                .isGreaterThan(Duration.ofHours(48));
        assertThat(previousPause).isCloseTo(Duration.ofHours(1), Duration.ofSeconds(15));
        greenMail.start();
        clock.advance(Duration.ofHours(2));
        sender.sendDue();
        holdsFor(Duration.ofSeconds(1), () -> receivedFor(to).isEmpty());
    }

    private long attempted(String domain, int attempts) {
        return jdbc.sql("SELECT count(*) FROM email_outbox WHERE to_address LIKE ? AND attempts = ?")
                .params("%@" + domain, attempts).query(Long.class).single();
    }
}

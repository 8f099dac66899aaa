package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.covenant.notifications.OutgoingEmail;
import app.covenant.notifications.SmtpOutboxTestSupport;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.IllegalTransactionStateException;

/** The outbox's contract with its callers, end to end through a real SMTP server. */
@ExtendWith(OutputCaptureExtension.class)
class EmailOutboxDeliveryTest extends SmtpOutboxTestSupport {

    @Autowired
    OutboxSender sender;

    @Test
    void aCommittedMessageArrivesOnceWithBothPartsEscapedValuesAndAnAbsoluteLink(CapturedOutput output) throws Exception {
        String to = uniqueAddress("ana");
        MDC.put("traceId", "corr-delivery-1");
        UUID id;
        try {
            id = enqueueCommitted(new OutgoingEmail(to, "Reset your Covenant password", "password-reset", Map.of(
                    "name", "<script>alert(1)</script>", "link", "/reset-password?token=secret-token-123",
                    "expiresAt", Instant.parse("2026-12-01T09:00:00Z"))));
        } finally {
            MDC.remove("traceId");
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> receivedFor(to).size() == 1);
        sender.sendDue();
        holdsFor(Duration.ofSeconds(1), () -> receivedFor(to).size() == 1);

        MimeMessage message = receivedFor(to).getFirst();
        assertThat(message.getSubject()).isEqualTo("Reset your Covenant password");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Covenant <no-reply@covenant.test>");
        assertThat(message.getHeader("X-Correlation-ID")).containsExactly("corr-delivery-1");
        assertThat(message.getMessageID()).isEqualTo("<" + id + "@covenant.test>");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
                .contains("href=\"" + FRONTEND_URL + "/reset-password?token=secret-token-123\"");
        assertThat(text).contains(FRONTEND_URL + "/reset-password?token=secret-token-123");
        assertThat(GreenMailUtil.getHeaders(message)).doesNotContain("secret-token-123");

        OutboxRow row = row(id);
        assertThat(row.status()).isEqualTo("SENT");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();
        assertThat(row.correlationId()).isEqualTo("corr-delivery-1");
        assertThat(row.claimed()).isFalse();
        assertThat(output).doesNotContain("secret-token-123").doesNotContain(SMTP_PASSWORD);
    }

    @Test
    void aRolledBackTransactionLeavesNoMessageAndSendsNothing() {
        String to = uniqueAddress("rollback");

        inRolledBackTransaction(() -> outbox.enqueue(passwordReset(to, "Ana")));
        sender.sendDue();

        assertThat(jdbc.sql("SELECT count(*) FROM email_outbox WHERE to_address = ?").param(to).query(Long.class).single())
                .isZero();
        holdsFor(Duration.ofSeconds(1), () -> receivedFor(to).isEmpty());
    }

    @Test
    void enqueueingOutsideATransactionFailsAndStoresNothing() {
        String to = uniqueAddress("no-transaction");

        assertThatThrownBy(() -> outbox.enqueue(passwordReset(to, "Ana")))
                .isInstanceOf(IllegalTransactionStateException.class)
                .hasMessageContaining("mandatory");
        assertThat(jdbc.sql("SELECT count(*) FROM email_outbox WHERE to_address = ?").param(to).query(Long.class).single())
                .isZero();
    }

    @Test
    void anUnknownTemplateFailsInTheCallersTransaction() {
        OutgoingEmail email = new OutgoingEmail(uniqueAddress("unknown"), "Hi", "no-such-template", Map.of());

        assertThatIllegalArgumentException().isThrownBy(() -> inTransaction(() -> outbox.enqueue(email)))
                .withMessageContaining("no-such-template");
    }
}

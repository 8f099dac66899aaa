package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.notifications.OutgoingEmail;
import app.covenant.notifications.SmtpOutboxTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Once delivered, a message whose link carried a one-time token keeps no copy of it in the outbox:
 * whoever reads the table or the admin outbox afterwards finds a note instead of a usable link.
 */
class LiveLinkRedactionTest extends SmtpOutboxTestSupport {

    @Test
    void aDeliveredOneTimeLinkIsRemovedFromTheOutbox() {
        String to = uniqueAddress("redact");
        UUID id = enqueueCommitted(passwordReset(to, "Ana"));

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(id).status()));

        assertThat(receivedFor(to)).hasSize(1);
        assertThat(body(id, "body_text")).isEqualTo(OutboxDelivery.REDACTED).doesNotContain("token");
        assertThat(body(id, "body_html")).doesNotContain("token");
    }

    @Test
    void aLinkWithoutATokenStaysReadable() {
        String to = uniqueAddress("keep");
        UUID id = enqueueCommitted(new OutgoingEmail(to, "Reset your Covenant password", "password-reset", Map.of(
                "name", "Ana", "link", "/account/security", "expiresAt", Instant.parse("2026-12-01T09:00:00Z"))));

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(id).status()));

        assertThat(body(id, "body_text")).contains(FRONTEND_URL + "/account/security");
    }

    private String body(UUID id, String column) {
        return jdbc.sql("SELECT " + column + " FROM email_outbox WHERE id = ?").param(id).query(String.class).single();
    }
}

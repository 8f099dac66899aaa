package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.covenant.notifications.OutgoingEmail;
import app.covenant.notifications.SmtpOutboxTestSupport;
import app.covenant.support.TestTenants;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;

/** {@code enqueueAll}: stored without bodies in the caller's transaction, rendered by the sender job as enqueue would. */
class BulkEnqueueTest extends SmtpOutboxTestSupport {

    @Autowired
    JdbcTemplate plainJdbc;

    @Test
    void storesEveryMessageWithoutBodiesAndLeavesSendingToTheJob() {
        String domain = uniqueDomain("bulk-store");
        List<OutgoingEmail> emails = List.of(digest("a@" + domain), digest("b@" + domain), digest("c@" + domain));

        assertThat(inTransaction(() -> outbox.enqueueAll(emails))).isEqualTo(3);

        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT status, body_text, body_html, model_json, template, subject FROM email_outbox
                        WHERE to_address LIKE ?""").param("%@" + domain).query().listOfRows();
        assertThat(rows).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat(row.get("body_text")).isNull();
            assertThat(row.get("body_html")).isNull();
            assertThat(row.get("template")).isEqualTo("reminder-digest");
            assertThat(row.get("subject")).isEqualTo("2 insurance policies need renewal");
            assertThat((String) row.get("model_json")).contains("\"link\":\"" + FRONTEND_URL + "/reminders\"")
                    .contains("\"frontendUrl\":\"" + FRONTEND_URL + "\"");
        });
        holdsFor(Duration.ofSeconds(1), () -> receivedAt(domain).isEmpty());
        assertThat(inTransaction(() -> outbox.enqueueAll(List.of()))).isZero();
    }

    @Test
    void aBulkMessageArrivesExactlyAsTheSameMessageEnqueuedOne() throws Exception {
        String domain = uniqueDomain("bulk-same");
        String ordinary = "ordinary@" + domain;
        String bulk = "bulk@" + domain;
        String resetOrdinary = "reset-ordinary@" + domain;
        String resetBulk = "reset-bulk@" + domain;
        inTransaction(() -> List.of(outbox.enqueue(digest(ordinary)), outbox.enqueue(reset(resetOrdinary))));
        inTransaction(() -> outbox.enqueueAll(List.of(digest(bulk), reset(resetBulk))));

        await().atMost(Duration.ofSeconds(10)).until(() -> receivedFor(ordinary).size() == 1
                && receivedFor(resetOrdinary).size() == 1);
        sendDueTo(bulk, resetBulk);
        await().atMost(Duration.ofSeconds(10)).until(() -> receivedAt(domain).size() == 4);

        assertSameMessage(receivedFor(bulk).getFirst(), receivedFor(ordinary).getFirst());
        assertSameMessage(receivedFor(resetBulk).getFirst(), receivedFor(resetOrdinary).getFirst());
        String text = part(receivedFor(bulk).getFirst(), 0);
        assertThat(text).contains("GL policy ABC-1", FRONTEND_URL + "/insurance/certificates/c1",
                "Open the reminders: " + FRONTEND_URL + "/reminders");

        Map<String, Object> sentDigest = jdbc.sql("SELECT status, body_text, body_html, model_json FROM email_outbox WHERE to_address = ?")
                .param(bulk).query().singleRow();
        assertThat(sentDigest.get("status")).isEqualTo("SENT");
        assertThat(((String) sentDigest.get("body_text")).replace("\r\n", "\n")).as("stored for the outbox pages")
                .isEqualTo(text.replace("\r\n", "\n"));
        assertThat(sentDigest.get("body_html")).isNotNull();
        assertThat(sentDigest.get("model_json")).isNull();
        Map<String, Object> sentReset = jdbc.sql("SELECT body_text, model_json FROM email_outbox WHERE to_address = ?")
                .param(resetBulk).query().singleRow();
        assertThat(sentReset.get("body_text")).as("a one-time link is redacted once delivered")
                .isEqualTo(OutboxDelivery.REDACTED);
        assertThat(sentReset.get("model_json")).as("and no copy of it stays in the values").isNull();
    }

    @Test
    void aRolledBackTransactionStoresNothing() {
        String domain = uniqueDomain("bulk-rollback");

        inRolledBackTransaction(() -> outbox.enqueueAll(List.of(digest("a@" + domain), digest("b@" + domain))));

        assertThat(rowsTo("%@" + domain, "PENDING")).isZero();
        assertThatThrownBy(() -> outbox.enqueueAll(List.of(digest("c@" + domain))))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aMessageThatFailsACheckStoresNoneOfTheBatch() {
        String domain = uniqueDomain("bulk-invalid");
        OutgoingEmail good = digest("good@" + domain);
        Map<String, Object> reserved = new LinkedHashMap<>(digest("x@" + domain).model());
        reserved.put("frontendUrl", "https://elsewhere.test");
        Map<String, Object> inexact = new LinkedHashMap<>(digest("x@" + domain).model());
        inexact.put("premium", 1234.5);

        for (OutgoingEmail bad : List.of(
                new OutgoingEmail("link@" + domain, "Hi", "password-changed", Map.of("name", "Ana", "link", "https://evil.test/x")),
                new OutgoingEmail("template@" + domain, "Hi", "no-such-template", Map.of()),
                new OutgoingEmail("reserved@" + domain, "Hi", "reminder-digest", reserved),
                new OutgoingEmail("double@" + domain, "Hi", "reminder-digest", inexact))) {
            assertThatIllegalArgumentException().isThrownBy(() -> inTransaction(() -> outbox.enqueueAll(List.of(good, bad))));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM email_outbox WHERE to_address LIKE ?").param("%@" + domain)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aMessageThatCannotBeRenderedIsGivenUpAndTheNextOneIsStillSent() {
        TestTenants.Tenant tenant = TestTenants.create(plainJdbc);
        String domain = uniqueDomain("bulk-unrenderable");
        List<OutgoingEmail> emails = List.of(digest("gone@" + domain, tenant.organizationId()),
                digest("broken@" + domain, tenant.organizationId()), digest("garbled@" + domain, tenant.organizationId()),
                digest("fine@" + domain, tenant.organizationId()));
        inTransaction(() -> outbox.enqueueAll(emails));
        // A template removed by a release after the message was queued; a model the template cannot walk; not JSON.
        jdbc.sql("UPDATE email_outbox SET template = 'no-longer-there' WHERE to_address = ?").param("gone@" + domain).update();
        jdbc.sql("""
                UPDATE email_outbox SET model_json = '{"heading":"secret-heading","items":["secret-item"],"link":"x"}'
                WHERE to_address = ?""").param("broken@" + domain).update();
        jdbc.sql("UPDATE email_outbox SET model_json = '{\"heading\": \"secret-heading' WHERE to_address = ?")
                .param("garbled@" + domain).update();

        sendDueTo("gone@" + domain, "broken@" + domain, "garbled@" + domain, "fine@" + domain);

        await().atMost(Duration.ofSeconds(10)).until(() -> receivedFor("fine@" + domain).size() == 1);
        for (String address : List.of("gone@" + domain, "broken@" + domain, "garbled@" + domain)) {
            UUID id = jdbc.sql("SELECT id FROM email_outbox WHERE to_address = ?").param(address).query(UUID.class).single();
            OutboxRow row = row(id);
            assertThat(row.status()).as(address).isEqualTo("FAILED");
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).startsWith("Could not render the message: ").doesNotContain("secret");
            assertThat(receivedFor(address)).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM notifications WHERE link = ?")
                    .param("/admin/outbox/" + id).query(Long.class).single() > 0);
        }
        assertThat(row(jdbc.sql("SELECT id FROM email_outbox WHERE to_address = ?").param("gone@" + domain)
                .query(UUID.class).single()).lastError()).contains("no-longer-there");
    }

    private static void assertSameMessage(MimeMessage bulk, MimeMessage ordinary) throws Exception {
        assertThat(bulk.getSubject()).isEqualTo(ordinary.getSubject());
        String ordinaryText = part(ordinary, 0).replace(recipient(ordinary), recipient(bulk));
        assertThat(part(bulk, 0)).isEqualTo(ordinaryText);
        assertThat(part(bulk, 1)).isEqualTo(part(ordinary, 1).replace(recipient(ordinary), recipient(bulk)));
    }

    private static String part(MimeMessage message, int index) throws Exception {
        return (String) ((MimeMultipart) message.getContent()).getBodyPart(index).getContent();
    }

    static OutgoingEmail digest(String to) {
        return digest(to, null);
    }

    static OutgoingEmail digest(String to, UUID organizationId) {
        List<Map<String, Object>> items = List.of(
                item("[7 Days] URGENT GL policy ABC-1 of Demo <Electric>", "ABC-1", "c1"),
                item("[30 Days] Auto policy XYZ-9 of Demo Electric", "XYZ-9", "c2"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("heading", "2 insurance policies need renewal");
        model.put("items", items);
        model.put("link", "/reminders");
        model.put("count", 2);
        model.put("premium", new BigDecimal("1250.50"));
        return new OutgoingEmail(to, "2 insurance policies need renewal", "reminder-digest", model, organizationId);
    }

    private static Map<String, Object> item(String subject, String policy, String certificate) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("subject", subject);
        item.put("projectName", "Hudson Yards");
        item.put("subcontractorName", "Demo Electric");
        item.put("line", "GL");
        item.put("policyNumber", policy);
        item.put("expirationDate", "13 December 2026");
        item.put("certificatePath", "/insurance/certificates/" + certificate);
        item.put("acknowledgePath", "/reminders/" + certificate + "/acknowledge");
        item.put("acknowledged", false);
        return item;
    }

    private static OutgoingEmail reset(String to) {
        return new OutgoingEmail(to, "Reset your Covenant password", "password-reset", Map.of("name", "Ana <Bo>",
                "link", "/reset-password?token=same-token", "expiresAt", Instant.parse("2026-12-01T09:00:00Z")));
    }
}

package app.covenant.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The admin outbox: how a newcomer on the embedded default reads the invitation they just sent. */
@IntegrationTest
class OutboxAdminTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    TransactionTemplate transactions;

    TestTenants.Tenant tenant;
    String admin;

    @BeforeEach
    void signIn() {
        tenant = TestTenants.create(jdbc);
        admin = SignIn.accessToken(http, tenant.email("ADMIN"));
    }

    @Test
    void anAdminReadsTheInvitationTheyJustSent() {
        String invitee = "newbie-" + tenant.code().toLowerCase() + "@example.test";
        SignIn.post(http, "/api/v1/users/invite", Map.of("email", invitee, "name", "New Bie", "roleCode", "USER"), admin);

        JsonNode list = SignIn.get(http, "/api/v1/admin/outbox?status=PENDING", admin).getBody();
        JsonNode invitation = list.get("content").valueStream()
                .filter(message -> invitee.equals(message.get("to").asString())).findFirst().orElseThrow();
        assertThat(invitation.get("status").asString()).isEqualTo("PENDING");
        assertThat(invitation.get("bodyText").isNull()).as("bodies only when one message is opened").isTrue();

        JsonNode opened = SignIn.get(http, "/api/v1/admin/outbox/" + invitation.get("id").asString(), admin).getBody();
        assertThat(opened.get("bodyText").asString()).contains("/accept-invite?token=");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'outbox.message.opened' "
                + "and target_id = ?", Integer.class, invitation.get("id").asString())).isEqualTo(1);

        HttpHeaders html = SignIn.bearer(admin);
        html.setAccept(java.util.List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = http.exchange("/admin/outbox", HttpMethod.GET, new HttpEntity<>(html), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("E-mail outbox", invitee);
    }

    @Test
    void anotherOrganizationsMessagesStayInvisible() {
        UUID message = failedMessage(tenant);
        String stranger = SignIn.accessToken(http, TestTenants.create(jdbc).email("ADMIN"));

        assertThat(SignIn.get(http, "/api/v1/admin/outbox/" + message, stranger).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(SignIn.get(http, "/api/v1/admin/outbox?size=100", stranger).getBody().get("content").toString())
                .doesNotContain(message.toString());
        assertThat(SignIn.post(http, "/api/v1/admin/outbox/" + message + "/retry", null, stranger).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyAGivenUpMessageIsRetried() {
        UUID failed = failedMessage(tenant);

        ResponseEntity<JsonNode> retried = SignIn.post(http, "/api/v1/admin/outbox/" + failed + "/retry", null, admin);

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody().get("status").asString()).isEqualTo("PENDING");
        assertThat(retried.getBody().get("attempts").asInt()).isZero();
        assertThat(jdbc.queryForList("select action from audit_log where target_id = ?", String.class,
                failed.toString())).containsExactly("outbox.message.retried");
        assertThat(SignIn.post(http, "/api/v1/admin/outbox/" + failed + "/retry", null, admin).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(SignIn.get(http, "/api/v1/admin/outbox?status=SOMETIMES", admin).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aBulkMessageNotSentYetIsShownRendered() {
        String to = "bulk-" + tenant.code().toLowerCase() + "@example.test";
        transactions.executeWithoutResult(status -> outbox.enqueueAll(List.of(new OutgoingEmail(to,
                "Your Covenant password was changed", "password-changed",
                Map.of("name", "Ana", "changedAt", Instant.parse("2026-12-01T09:00:00Z")), tenant.organizationId()))));
        UUID id = jdbc.queryForObject("select id from email_outbox where to_address = ?", UUID.class, to);

        JsonNode opened = SignIn.get(http, "/api/v1/admin/outbox/" + id, admin).getBody();
        assertThat(opened.get("bodyText").asString()).contains("Hello Ana,", "changed on 1 December 2026 at 09:00 UTC");
        HttpHeaders html = SignIn.bearer(admin);
        html.setAccept(List.of(MediaType.TEXT_HTML));
        assertThat(http.exchange("/admin/outbox/" + id, HttpMethod.GET, new HttpEntity<>(html), String.class).getBody())
                .contains("Hello Ana,");
        assertThat(jdbc.queryForObject("select count(*) from email_outbox where id = ? and body_text is null", Integer.class, id))
                .as("shown, not stored: the sender stores what it sends").isEqualTo(1);
    }

    @Test
    void aMessagesAttachmentsAreListedByNameAndSizeOnly() {
        String to = "attached-" + tenant.code().toLowerCase() + "@example.test";
        byte[] pdf = ("%PDF-1.7 attachment-content-" + tenant.code()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        UUID id = transactions.execute(status -> outbox.enqueue(new OutgoingEmail(to, "Your Covenant password was changed",
                "password-changed", Map.of("name", "Ana", "changedAt", Instant.parse("2026-12-01T09:00:00Z")),
                tenant.organizationId()).withAttachments(List.of(new OutgoingEmail.Attachment("agreement - signed.pdf",
                "application/pdf", pdf)))));

        JsonNode opened = SignIn.get(http, "/api/v1/admin/outbox/" + id, admin).getBody();
        assertThat(opened.get("attachments").get(0).get("filename").asString()).isEqualTo("agreement - signed.pdf");
        assertThat(opened.get("attachments").get(0).get("sizeBytes").asLong()).isEqualTo(pdf.length);
        assertThat(opened.toString()).doesNotContain("attachment-content");
        HttpHeaders html = SignIn.bearer(admin);
        html.setAccept(List.of(MediaType.TEXT_HTML));
        assertThat(http.exchange("/admin/outbox/" + id, HttpMethod.GET, new HttpEntity<>(html), String.class).getBody())
                .contains("agreement - signed.pdf").contains("application/pdf").doesNotContain("attachment-content");
        assertThat(jdbc.queryForObject("select content from email_outbox_attachments where message_id = ?", byte[].class,
                id)).isEqualTo(pdf);
    }

    @Test
    void usersWithoutTheOutboxPermissionAreRefused() {
        String user = SignIn.accessToken(http, tenant.email("USER"));
        assertThat(SignIn.get(http, "/api/v1/admin/outbox", user).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private UUID failedMessage(TestTenants.Tenant owner) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into email_outbox (id, organization_id, to_address, subject, body_text, body_html, template, "
                + "status, attempts, last_error, next_attempt_at, created_at) values (?, ?, 'someone@example.test', "
                + "'Reminder', 'text', '<p>html</p>', 'password-changed', 'FAILED', 10, '550 mailbox unavailable', ?, ?)",
                id, owner.organizationId(), now, now);
        return id;
    }
}

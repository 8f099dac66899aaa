package app.covenant.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.notifications.Notice;
import app.covenant.notifications.Notifier;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** The bell's fragment, the notifications page with its filters and the preferences form, as HTML. */
@IntegrationTest
class NotificationPagesTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Notifier notifier;
    @Autowired
    TransactionTemplate transactions;

    TestTenants.Tenant tenant;
    String token;

    @BeforeEach
    void signIn() {
        tenant = TestTenants.create(jdbc);
        token = SignIn.accessToken(http, tenant.email("BROKER"));
    }

    @Test
    void theBellCountsUnreadAndThePageFilters() {
        notify("identity.invitation-accepted", "Ana accepted your invitation");
        notify("notifications.email-undelivered", "An e-mail to x@example.test could not be delivered");

        ResponseEntity<String> bell = html(HttpMethod.GET, "/notifications/bell", true);
        assertThat(bell.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bell.getBody()).contains("aria-label=\"Notifications, 2 unread\"", "data-unread-count=\"2\"")
                .doesNotContain("<html");

        String page = html(HttpMethod.GET, "/notifications?type=identity.invitation-accepted", false).getBody();
        assertThat(page).contains("Ana accepted your invitation").doesNotContain("could not be delivered")
                .contains("id=\"notification-bell\"", "hx-trigger=\"load, every 30s, notifications-changed from:body\"");

        UUID first = jdbc.queryForObject("select id from notifications where title = 'Ana accepted your invitation' "
                + "and user_id = ?", UUID.class, tenant.userId("BROKER"));
        ResponseEntity<String> row = html(HttpMethod.POST, "/notifications/" + first + "/read", true);
        assertThat(row.getStatusCode()).as(row.toString()).isEqualTo(HttpStatus.OK);
        assertThat(row.getHeaders().getFirst("HX-Trigger")).as(row.toString()).isEqualTo(
                "{\"notifications-changed\":null,\"covenant:toast\":{\"kind\":\"success\",\"message\":\"Marked as read.\"}}");
        assertThat(row.getBody()).startsWith("<tr").contains("notification-read", "Read");
        assertThat(html(HttpMethod.GET, "/notifications/bell", true).getBody())
                .contains("aria-label=\"Notifications, 1 unread\"");

        ResponseEntity<String> allRead = html(HttpMethod.POST, "/notifications/read-all", false);
        assertThat(allRead.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(html(HttpMethod.GET, "/notifications/bell", true).getBody())
                .contains("aria-label=\"Notifications, none unread\"").doesNotContain("bell-count");
        assertThat(html(HttpMethod.GET, "/notifications?unread=true", false).getBody()).contains("Nothing matches these filters");
    }

    @Test
    void thePreferencesFormWritesEveryTypeFromItsCheckboxes() {
        assertThat(html(HttpMethod.GET, "/account/notifications", false).getBody())
                .contains("Invitation accepted", "Undelivered e-mail", "aria-label=\"Invitation accepted: by e-mail\"");

        HttpHeaders headers = SignIn.bearer(token);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("email", "identity.invitation-accepted");
        ResponseEntity<String> saved = pages().exchange("/account/notifications", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);

        assertThat(saved.getStatusCode()).as(saved.toString()).isEqualTo(HttpStatus.FOUND);
        // Every declared type is written (whatever modules declare them): the ticked one on, the others off.
        List<Map<String, Object>> rows = jdbc.queryForList("select type, in_app, email from notification_preferences "
                + "where user_id = ? order by type", tenant.userId("BROKER"));
        assertThat(rows).extracting(row -> row.get("type")).contains("identity.invitation-accepted",
                "notifications.email-undelivered");
        assertThat(rows).allSatisfy(row -> assertThat(List.of(row.get("in_app"), row.get("email"))).isEqualTo(
                List.of(false, row.get("type").equals("identity.invitation-accepted"))));
    }

    /** A redirect is an answer to check here, not to follow (the followed request would lose the bearer token). */
    private TestRestTemplate pages() {
        return http.withRedirects(HttpRedirects.DONT_FOLLOW);
    }

    private void notify(String type, String title) {
        transactions.executeWithoutResult(status -> notifier.notify(List.of(tenant.userId("BROKER")),
                Notice.of(tenant.organizationId(), type, title, "message", "/notifications")));
    }

    private ResponseEntity<String> html(HttpMethod method, String path, boolean htmx) {
        HttpHeaders headers = SignIn.bearer(token);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        if (htmx) {
            headers.add("HX-Request", "true");
        }
        return pages().exchange(path, method, new HttpEntity<>(headers), String.class);
    }
}

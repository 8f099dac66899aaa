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
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/notifications}: one's own notifications, marking them read, and one's preferences. */
@IntegrationTest
class NotificationsApiTest {

    static final String ACCEPTED = "identity.invitation-accepted";
    static final String UNDELIVERED = "notifications.email-undelivered";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Notifier notifier;
    @Autowired
    TransactionTemplate transactions;

    TestTenants.Tenant tenant;
    String manager;

    @BeforeEach
    void signIn() {
        tenant = TestTenants.create(jdbc);
        manager = SignIn.accessToken(http, tenant.email("MANAGER"));
    }

    @Test
    void listsOnesOwnNotificationsNewestFirstWithFiltersAndCounts() {
        UUID me = tenant.userId("MANAGER");
        notify(List.of(me), ACCEPTED, "First", "/admin/users");
        notify(List.of(me), UNDELIVERED, "Second", "/admin/outbox");
        notify(List.of(me, tenant.userId("USER")), ACCEPTED, "Third", null);

        JsonNode all = SignIn.get(http, "/api/v1/notifications", manager).getBody();
        assertThat(all.get("content").valueStream().map(n -> n.get("title").asString())).containsExactly("Third",
                "Second", "First");
        assertThat(all.get("page").get("totalElements").asInt()).isEqualTo(3);
        JsonNode newest = all.get("content").get(0);
        assertThat(newest.propertyNames()).containsExactlyInAnyOrder("id", "type", "title", "message", "link", "read",
                "createdAt", "readAt");
        assertThat(newest.get("read").asBoolean()).isFalse();
        assertThat(newest.get("readAt").isNull()).isTrue();

        assertThat(SignIn.get(http, "/api/v1/notifications?type=" + UNDELIVERED, manager).getBody().get("content")
                .valueStream().map(n -> n.get("title").asString())).containsExactly("Second");
        assertThat(SignIn.get(http, "/api/v1/notifications?type=no.such-type", manager).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unread(manager)).isEqualTo(3);

        String second = all.get("content").get(1).get("id").asString();
        ResponseEntity<JsonNode> read = SignIn.post(http, "/api/v1/notifications/" + second + "/read", null, manager);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody().get("read").asBoolean()).isTrue();
        assertThat(read.getBody().get("readAt").isNull()).isFalse();
        assertThat(unread(manager)).isEqualTo(2);
        assertThat(SignIn.get(http, "/api/v1/notifications?unread=true", manager).getBody().get("content")
                .valueStream().map(n -> n.get("title").asString())).containsExactly("Third", "First");

        ResponseEntity<JsonNode> allRead = SignIn.post(http, "/api/v1/notifications/read-all", null, manager);
        assertThat(allRead.getBody().get("marked").asInt()).isEqualTo(2);
        assertThat(unread(manager)).isZero();
        String user = SignIn.accessToken(http, tenant.email("USER"));
        assertThat(unread(user)).as("another user's copy stays unread").isEqualTo(1);
    }

    @Test
    void someoneElsesNotificationIsNotFound() {
        notify(List.of(tenant.userId("USER")), ACCEPTED, "For the user", null);
        UUID theirs = jdbc.queryForObject("select id from notifications where user_id = ?", UUID.class,
                tenant.userId("USER"));
        TestTenants.Tenant other = TestTenants.create(jdbc);
        String stranger = SignIn.accessToken(http, other.email("SUPER_ADMIN"));

        assertThat(SignIn.post(http, "/api/v1/notifications/" + theirs + "/read", null, manager).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(SignIn.post(http, "/api/v1/notifications/" + theirs + "/read", null, stranger).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(SignIn.get(http, "/api/v1/notifications", manager).getBody().get("content").isEmpty()).isTrue();
        assertThat(jdbc.queryForObject("select read_at is null from notifications where id = ?", Boolean.class, theirs))
                .isTrue();
    }

    @Test
    void preferencesDecideBothChannels() {
        UUID me = tenant.userId("MANAGER");
        JsonNode defaults = SignIn.get(http, "/api/v1/notifications/preferences", manager).getBody();
        JsonNode accepted = defaults.valueStream().filter(p -> p.get("type").asString().equals(ACCEPTED)).findFirst()
                .orElseThrow();
        assertThat(accepted.get("inApp").asBoolean()).isTrue();
        assertThat(accepted.get("email").asBoolean()).isFalse();

        notify(List.of(me), ACCEPTED, "Default channels", "/notifications");
        assertThat(notificationsOf(me, "Default channels")).isEqualTo(1);
        assertThat(mailsTo(tenant.email("MANAGER"), "Default channels")).isZero();

        put(manager, List.of(Map.of("type", ACCEPTED, "inApp", false, "email", true)));
        notify(List.of(me), ACCEPTED, "E-mail only", "/notifications");
        assertThat(notificationsOf(me, "E-mail only")).isZero();
        assertThat(mailsTo(tenant.email("MANAGER"), "E-mail only")).isEqualTo(1);
        String body = jdbc.queryForObject("select body_text from email_outbox where to_address = ? and subject = ?",
                String.class, tenant.email("MANAGER"), "E-mail only");
        assertThat(body).contains("/notifications", "/account/notifications");

        put(manager, List.of(Map.of("type", ACCEPTED, "inApp", false, "email", false)));
        notify(List.of(me), ACCEPTED, "Nothing at all", "/notifications");
        assertThat(notificationsOf(me, "Nothing at all")).isZero();
        assertThat(mailsTo(tenant.email("MANAGER"), "Nothing at all")).isZero();
    }

    @Test
    void anUnknownTypeInAPreferencesUpdateChangesNothing() {
        ResponseEntity<JsonNode> refused = exchangePut(manager, List.of(
                Map.of("type", ACCEPTED, "inApp", false, "email", true),
                Map.of("type", "no.such-type", "inApp", true, "email", true)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().get("errors").get(0).get("field").asString()).isEqualTo("[1].type");
        assertThat(jdbc.queryForObject("select count(*) from notification_preferences where user_id = ?", Integer.class,
                tenant.userId("MANAGER"))).isZero();
    }

    @Test
    void aPreferencesListReadBackIsAcceptedAsItIs() {
        JsonNode current = SignIn.get(http, "/api/v1/notifications/preferences", manager).getBody();
        ResponseEntity<JsonNode> saved = exchangePut(manager, current);
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody()).isEqualTo(current);
    }

    @Test
    void onlyActiveMembersOfTheOrganizationAreNotifiedAndOnceKeysHoldOnce() {
        TestTenants.Tenant other = TestTenants.create(jdbc);
        UUID outsider = other.userId("ADMIN");
        jdbc.update("update users set status = 'DEACTIVATED' where id = ?", tenant.userId("BROKER"));
        List<UUID> to = List.of(tenant.userId("USER"), tenant.userId("BROKER"), outsider);

        int written = transactions.execute(status -> notifier.notify(to,
                Notice.of(tenant.organizationId(), ACCEPTED, "Once", "m", null).once("test:" + tenant.code())));
        int again = transactions.execute(status -> notifier.notify(to,
                Notice.of(tenant.organizationId(), ACCEPTED, "Once", "m", null).once("test:" + tenant.code())));

        assertThat(written).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(jdbc.queryForObject("select count(*) from notifications where title = 'Once' and organization_id = ?",
                Integer.class, tenant.organizationId())).isEqualTo(1);
    }

    @Test
    void aLinkOutsideTheApplicationIsRefused() {
        for (String link : List.of("//evil.example/x", "https://evil.example", "/\\evil.example", "relative/path",
                "/with space")) {
            assertThat(Notice.isLocalPath(link)).as(link).isFalse();
        }
        assertThat(Notice.isLocalPath("/admin/outbox/123?tab=body")).isTrue();
    }

    private void notify(List<UUID> users, String type, String title, String link) {
        transactions.executeWithoutResult(status -> notifier.notify(users,
                Notice.of(tenant.organizationId(), type, title, "Message of " + title, link)));
    }

    private long unread(String token) {
        return SignIn.get(http, "/api/v1/notifications/unread-count", token).getBody().get("unread").asLong();
    }

    private int notificationsOf(UUID user, String title) {
        return jdbc.queryForObject("select count(*) from notifications where user_id = ? and title = ?", Integer.class,
                user, title);
    }

    private int mailsTo(String address, String subject) {
        return jdbc.queryForObject("select count(*) from email_outbox where to_address = ? and subject = ? "
                + "and organization_id = ?", Integer.class, address, subject, tenant.organizationId());
    }

    private void put(String token, Object body) {
        assertThat(exchangePut(token, body).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<JsonNode> exchangePut(String token, Object body) {
        return http.exchange("/api/v1/notifications/preferences", HttpMethod.PUT,
                new HttpEntity<>(body, SignIn.bearer(token)), JsonNode.class);
    }
}

package app.covenant.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.identity.events.InvitationAccepted;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The person who sent an invitation hears, under the bell and not by e-mail, when it is accepted — once. */
@IntegrationTest
class InvitationAcceptedNotificationTest {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{40,})");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theInviterIsToldOnceWhenTheInvitationIsAccepted() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));
        String invitee = "joiner-" + tenant.code().toLowerCase() + "@example.test";
        assertThat(SignIn.post(http, "/api/v1/users/invite", Map.of("email", invitee, "name", "Jo Iner",
                "roleCode", "USER"), admin).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String mail = jdbc.queryForObject("select body_text from email_outbox where to_address = ?", String.class, invitee);

        assertThat(http.postForEntity("/api/v1/auth/accept-invite", SignIn.json(Map.of("token", tokenIn(mail),
                "name", "Jo Joiner", "password", "Welcome-aboard-2026")), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(10)).until(() -> unread(admin) == 1);
        JsonNode notification = SignIn.get(http, "/api/v1/notifications", admin).getBody().get("content").get(0);
        UUID joiner = jdbc.queryForObject("select id from users where email_normalized = ?", UUID.class, invitee);
        assertThat(notification.get("title").asString()).isEqualTo("Jo Joiner accepted your invitation");
        assertThat(notification.get("type").asString()).isEqualTo("identity.invitation-accepted");
        assertThat(notification.get("link").asString()).isEqualTo("/admin/users/" + joiner);
        assertThat(jdbc.queryForObject("select count(*) from email_outbox where to_address = ?", Integer.class,
                tenant.email("ADMIN"))).as("e-mail is off by default for this type").isZero();
        String superAdmin = SignIn.accessToken(http, tenant.email("SUPER_ADMIN"));
        assertThat(unread(superAdmin)).as("only the inviter").isZero();

        // The event registry may deliver the same fact again (after a crash): still one notification.
        transactions.executeWithoutResult(status -> events.publishEvent(new InvitationAccepted(tenant.organizationId(),
                joiner, tenant.userId("ADMIN"), invitee, "Jo Joiner", Instant.now())));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(8)).until(() -> unread(admin) == 1);
        await("both deliveries completed, none failed").atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.queryForObject("select count(*) from event_publication where completion_date is null "
                        + "and serialized_event like ?", Integer.class, "%" + joiner + "%") == 0);
    }

    private long unread(String token) {
        return SignIn.get(http, "/api/v1/notifications/unread-count", token).getBody().get("unread").asLong();
    }

    private static String tokenIn(String mail) {
        Matcher matcher = TOKEN.matcher(mail);
        assertThat(matcher.find()).as("a link with a token in: %s", mail).isTrue();
        return matcher.group(1);
    }
}

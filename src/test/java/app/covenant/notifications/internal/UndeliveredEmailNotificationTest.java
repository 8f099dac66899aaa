package app.covenant.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.notifications.OutgoingEmail;
import app.covenant.notifications.SmtpOutboxTestSupport;
import app.covenant.support.TestTenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A message the outbox gives up tells the outbox readers of its organization — and only them — under
 * the bell, with a link to the message; no e-mail about the e-mail that failed.
 */
class UndeliveredEmailNotificationTest extends SmtpOutboxTestSupport {

    @Autowired
    OutboxSender sender;
    @Autowired
    JdbcTemplate plainJdbc;

    @Test
    void outboxReadersOfTheOrganizationHearOfAGivenUpMessage() {
        TestTenants.Tenant tenant = TestTenants.create(plainJdbc);
        TestTenants.Tenant other = TestTenants.create(plainJdbc);
        String to = uniqueAddress("unreachable");
        greenMail.stop();
        UUID id;
        try {
            id = enqueueCommitted(new OutgoingEmail(to, "Your certificate is due", "password-changed",
                    Map.of("name", "Ana", "changedAt", clock.instant()), tenant.organizationId()));
            await().atMost(Duration.ofSeconds(10)).until(() -> row(id).attempts() == 1);
            while (row(id).status().equals("PENDING")) {
                clock.advance(Duration.between(clock.instant(), row(id).nextAttemptAt()).plusSeconds(1));
                sender.sendDue();
            }
        } finally {
            greenMail.start();
        }
        assertThat(row(id).status()).isEqualTo("FAILED");

        List<Map<String, Object>> told = jdbc.sql("""
                        SELECT user_id, title, link, type FROM notifications WHERE link = ?""")
                .param("/admin/outbox/" + id).query().listOfRows();
        assertThat(told).extracting(row -> row.get("user_id"))
                .as("the tenant's ADMIN and SUPER_ADMIN hold outbox:read; no one else, no one of another organization")
                .containsExactlyInAnyOrder(tenant.userId("ADMIN"), tenant.userId("SUPER_ADMIN"));
        assertThat(told).allSatisfy(row -> {
            assertThat(row.get("title")).isEqualTo("An e-mail to " + to + " could not be delivered");
            assertThat(row.get("type")).isEqualTo(UndeliveredEmailAlerts.TYPE);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = ?").param(other.userId("ADMIN"))
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM email_outbox WHERE to_address IN (?, ?)")
                .params(tenant.email("ADMIN"), tenant.email("SUPER_ADMIN")).query(Long.class).single())
                .as("in the app only: e-mail is what failed").isZero();
    }
}

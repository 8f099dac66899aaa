package app.covenant.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.notifications.SmtpOutboxTestSupport;
import app.covenant.support.TestTenants;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The digests of a run arrive at a real SMTP server (GreenMail): one per recipient, with the right addresses. */
class ReminderEmailDeliveryTest extends SmtpOutboxTestSupport {

    @Autowired
    ReminderRunner runner;
    @Autowired
    JdbcTemplate jdbcTemplate;

    @Test
    void eachRecipientGetsOneDigestWithLinksToTheCertificates() throws Exception {
        LocalDate day = LocalDate.of(2032, 5, 10);
        ReminderFixtures f = new ReminderFixtures(jdbcTemplate, TestTenants.create(jdbcTemplate));
        String domain = f.tenant.code().toLowerCase() + ".test";
        String broker = "broker@agency." + domain;
        String admin = "admin@" + domain;
        UUID brokerId = f.broker(broker, null);
        UUID first = f.coi(f.project, f.sub, "ACTIVE", admin, brokerId, broker, Instant.parse("2031-01-01T00:00:00Z"),
                day.plusDays(14));
        UUID secondSub = f.contractor("SUBCONTRACTOR", "Second Steel", "yard@steel." + domain);
        UUID second = f.coi(f.project, secondSub, "ACTIVE", admin, brokerId, broker,
                Instant.parse("2031-01-01T00:00:00Z"), day.minusDays(1));

        runner.runFor(day);
        sendDueTo(broker, admin, f.subEmail, "yard@steel." + domain);

        await().atMost(Duration.ofSeconds(15)).until(() -> receivedFor(broker).size() == 1
                && receivedFor(admin).size() == 1 && receivedFor(f.subEmail).size() == 1
                && receivedFor("yard@steel." + domain).size() == 1);
        MimeMessage digest = receivedFor(broker).getFirst();
        assertThat(digest.getSubject()).isEqualTo("[EXPIRED] 2 insurance policies need renewal");
        String text = (String) ((MimeMultipart) digest.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains(FRONTEND_URL + "/insurance/certificates/" + first)
                .contains(FRONTEND_URL + "/insurance/certificates/" + second)
                .contains("[14 Days] GL policy").contains("[EXPIRED] GL policy").contains("/acknowledge");
        assertThat(receivedFor(f.subEmail).getFirst().getSubject()).startsWith("[14 Days] GL policy");
        assertThat(receivedFor("yard@steel." + domain).getFirst().getSubject()).startsWith("[EXPIRED] GL policy");

        runner.runFor(day);
        sendDueTo(broker, admin);
        holdsFor(Duration.ofSeconds(2), () -> receivedFor(broker).size() == 1 && receivedFor(admin).size() == 1);
        assertThat(List.of(receivedFor(broker).size(), receivedFor(admin).size())).containsExactly(1, 1);
    }
}

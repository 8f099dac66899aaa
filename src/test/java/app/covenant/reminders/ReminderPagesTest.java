package app.covenant.reminders;

import static app.covenant.support.PageClient.field;
import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.PageClient;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reminders pages over HTTP as a browser uses them: the pending list (filters, pagination, acknowledge, run
 * now), the e-mail's acknowledge page, the settings page and who may open each.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderPagesTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReminderRunner runner;
    @LocalServerPort
    int port;

    private final Map<String, String> tokens = new HashMap<>();
    private Tenant tenant;
    private ReminderFixtures f;
    private UUID coi7;
    private UUID coi2;
    private UUID broker;
    private UUID broker2;

    @BeforeAll
    void setUp() {
        tenant = TestTenants.create(jdbc);
        Tenant other = TestTenants.create(jdbc);
        f = new ReminderFixtures(jdbc, tenant);
        String domain = tenant.code().toLowerCase() + ".test";
        broker = f.broker(tenant.email("BROKER"), tenant.userId("BROKER"));
        UUID broker2User = TestTenants.addUser(jdbc, tenant, "broker2@" + domain, "BROKER");
        broker2 = f.broker("broker2@" + domain, broker2User);
        coi7 = f.coi(f.project, f.sub, "ACTIVE", null, broker, tenant.email("BROKER"),
                Instant.parse("2025-01-01T00:00:00Z"), LocalDate.now().plusDays(7));
        UUID sub2 = f.contractor("SUBCONTRACTOR", "Second Sub", "second@" + domain);
        coi2 = f.coi(f.project, sub2, "ACTIVE", null, broker2, "broker2@" + domain,
                Instant.parse("2025-01-02T00:00:00Z"), LocalDate.now().plusDays(2));
        for (String role : List.of("ADMIN", "MANAGER", "USER", "BROKER")) {
            tokens.put(role, SignIn.accessToken(http, tenant.email(role)));
        }
        tokens.put("BROKER2", SignIn.accessToken(http, "broker2@" + domain));
        tokens.put("OTHER_ADMIN", SignIn.accessToken(http, other.email("ADMIN")));
    }

    private PageClient as(String who) {
        return new PageClient(port, tokens.get(who));
    }

    private UUID reminderOf(UUID coi) {
        if (jdbc.queryForObject("select count(*) from reminders_expiration_reminders where organization_id = ?",
                Integer.class, tenant.organizationId()) == 0) {
            HttpResponse<String> run = as("ADMIN").post("/reminders", "/reminders/run", List.<String[]>of());
            assertThat(run.statusCode()).isEqualTo(302);
            assertThat(run.headers().firstValue("Location").orElseThrow()).contains("done=reminders-checked")
                    .contains("sent=");
        }
        return jdbc.queryForObject("select id from reminders_expiration_reminders where coi_id = ?", UUID.class, coi);
    }

    @Test
    void theListShowsPendingRemindersMostUrgentFirstWithFiltersAndPages() {
        UUID seven = reminderOf(coi7);
        UUID two = reminderOf(coi2);
        String html = as("MANAGER").get("/reminders").body();
        assertThat(html).contains("data-reminder=\"" + two + "\"").contains("data-reminder=\"" + seven + "\"")
                .contains("expires in 2 days").contains("expires in 7 days")
                .contains("href=\"/insurance/certificates/" + coi7 + "\"");
        assertThat(html.indexOf(two.toString())).isLessThan(html.indexOf(seven.toString()));
        // The empty state is for an empty list only (it once showed above a full table).
        assertThat(html).doesNotContain("No reminders waiting").doesNotContain("No reminders match");
        assertThat(html).doesNotContain("Run the check now");

        String byType = as("MANAGER").get("/reminders?type=DAYS_7").body();
        assertThat(byType).contains("data-reminder=\"" + seven + "\"").doesNotContain("data-reminder=\"" + two + "\"");
        String byBroker = as("MANAGER").get("/reminders?brokerId=" + broker2).body();
        assertThat(byBroker).contains("data-reminder=\"" + two + "\"").doesNotContain("data-reminder=\"" + seven + "\"");
        assertThat(as("MANAGER").get("/reminders?projectId=" + f.project).body()).contains(seven.toString());
        assertThat(as("MANAGER").get("/reminders?projectId=" + UUID.randomUUID()).body())
                .contains("No reminders match these filters");

        String paged = as("MANAGER").get("/reminders?size=1").body();
        assertThat(paged).contains(two.toString()).doesNotContain("data-reminder=\"" + seven + "\"")
                .contains("page=1&amp;size=1");
        assertThat(as("ADMIN").get("/reminders").body()).contains("Run the check now").contains("Pending");
    }

    @Test
    void theEmailLinkConfirmsAcknowledgesAndSaysWhenAlreadyDone() {
        UUID seven = reminderOf(coi7);
        assertThat(as("BROKER2").get("/reminders/" + seven + "/acknowledge").statusCode()).isEqualTo(404);
        assertThat(as("OTHER_ADMIN").get("/reminders/" + seven + "/acknowledge").statusCode()).isEqualTo(404);
        assertThat(as("USER").get("/reminders/" + seven + "/acknowledge").statusCode()).isEqualTo(403);

        PageClient broker = as("BROKER");
        HttpResponse<String> page = broker.get("/reminders/" + seven + "/acknowledge");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Acknowledge this reminder").contains("_csrf");
        // A broker cannot open the list: the way back is home, not a link that answers 403.
        assertThat(page.body()).doesNotContain("All reminders").doesNotContain("href=\"/reminders\"");
        HttpResponse<String> done = broker.post("/reminders/" + seven + "/acknowledge",
                "/reminders/" + seven + "/acknowledge", List.<String[]>of(field("back", "/reminders/" + seven + "/acknowledge")));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow())
                .endsWith("/reminders/" + seven + "/acknowledge?done=reminder-acknowledged");
        String after = broker.get("/reminders/" + seven + "/acknowledge?done=reminder-acknowledged").body();
        assertThat(after).contains("The reminder is acknowledged.").contains("Already acknowledged by "
                + tenant.email("BROKER")).doesNotContain("Acknowledge this reminder");
    }

    @Test
    void acknowledgingFromTheListComesBackToTheSameFilters() {
        UUID two = reminderOf(coi2);
        HttpResponse<String> done = as("MANAGER").post("/reminders", "/reminders/" + two + "/acknowledge",
                List.<String[]>of(field("back", "/reminders?type=DAYS_2&page=0&size=20")));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow())
                .contains("/reminders?type=DAYS_2&page=0&size=20&done=reminder-acknowledged");
        assertThat(as("MANAGER").get("/reminders?type=DAYS_2&done=reminder-acknowledged").body())
                .contains("The reminder is acknowledged.").doesNotContain("data-reminder=\"" + two + "\"");
    }

    @Test
    void settingsRefuseABadAddressInlineAndSaveAGoodOne() {
        PageClient admin = as("ADMIN");
        assertThat(admin.get("/reminders/settings").body()).contains("0 0 6 * * *").contains("/admin/jobs");
        HttpResponse<String> bad = admin.post("/reminders/settings", "/reminders/settings", List.of(
                field("enabled", "true"), field("activeTypes", "DAYS_7"), field("extraRecipients", "ok@x.test\nfoo@x")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Not an e-mail address: foo@x").contains("aria-invalid=\"true\"");
        assertThat(jdbc.queryForList("select extra_recipients from reminders_settings where organization_id = ?",
                String.class, tenant.organizationId())).isEmpty();

        HttpResponse<String> good = admin.post("/reminders/settings", "/reminders/settings", List.of(
                field("enabled", "true"), field("activeTypes", "DAYS_7"), field("extraRecipients", "ok@x.test")));
        assertThat(good.statusCode()).isEqualTo(302);
        assertThat(admin.get("/reminders/settings?done=reminder-settings-saved").body())
                .contains("The reminder settings are saved.").contains("ok@x.test");
        assertThat(as("MANAGER").get("/reminders/settings").statusCode()).isEqualTo(403);
        // Back to the defaults for the other tests.
        jdbc.update("delete from reminders_settings where organization_id = ?", tenant.organizationId());
    }

    @Test
    void theScheduleIsSaidInWordsWithTheNextCheckOfAFixedClock() {
        Instant sundayMorning = Instant.parse("2026-12-06T10:00:00Z");
        ReminderSchedule daily = new ReminderSchedule("0 0 6 * * *", ZoneId.of("UTC"));
        assertThat(daily.inWords()).isEqualTo("every day at 06:00");
        assertThat(ReminderSchedule.describe(daily.nextAfter(sundayMorning)))
                .isEqualTo("Monday 7 December 2026 at 06:00 UTC");
        assertThat(ReminderSchedule.describe(daily.nextAfter(Instant.parse("2026-12-07T05:59:59Z"))))
                .isEqualTo("Monday 7 December 2026 at 06:00 UTC");
        ReminderSchedule paris = new ReminderSchedule("0 0 6 * * *", ZoneId.of("Europe/Paris"));
        assertThat(ReminderSchedule.describe(paris.nextAfter(sundayMorning)))
                .isEqualTo("Monday 7 December 2026 at 06:00 Europe/Paris (05:00 UTC)");
        ReminderSchedule weekdays = new ReminderSchedule("0 30 7 * * MON-FRI", ZoneId.of("UTC"));
        assertThat(weekdays.inWords()).isNull();
        assertThat(ReminderSchedule.describe(weekdays.nextAfter(Instant.parse("2026-12-05T12:00:00Z"))))
                .isEqualTo("Monday 7 December 2026 at 07:30 UTC");
    }

    @Test
    void theSettingsPageShowsTheNextCheckAndTheLatestRemindersSent() {
        reminderOf(coi7);
        String html = as("ADMIN").get("/reminders/settings").body();
        String next = ReminderSchedule.describe(new ReminderSchedule("0 0 6 * * *", ZoneId.of("UTC"))
                .nextAfter(Instant.now()));
        assertThat(html).contains("Reminders are checked <strong>every day at 06:00</strong>")
                .contains("next check: <strong>" + next + "</strong>").contains("<code>0 0 6 * * *</code>");
        long latest = jdbc.queryForObject("select count(*) from reminders_expiration_reminders where organization_id = ?"
                + " and sent_at = (select max(sent_at) from reminders_expiration_reminders where organization_id = ?)",
                Long.class, tenant.organizationId(), tenant.organizationId());
        assertThat(html).containsPattern("Last reminders sent:\\s*\\w+day \\d{1,2} \\w+ \\d{4} at \\d{2}:\\d{2} UTC — "
                + latest + " reminders?");
        String other = as("OTHER_ADMIN").get("/reminders/settings").body();
        assertThat(other).containsPattern("Last reminders sent:\\s*not yet");
    }

    @Test
    void theFilterPickersNameOnlyProjectsAndBrokersWithPendingReminders() {
        reminderOf(coi7);
        jdbc.update("update reminders_expiration_reminders set acknowledged = false, acknowledged_at = null,"
                + " acknowledged_by = null where organization_id = ?", tenant.organizationId());
        String html = as("MANAGER").get("/reminders").body();
        assertThat(html).contains("value=\"" + f.project + "\"").contains("value=\"" + broker2 + "\"");
    }

    @Test
    void theCertificatePageListsItsRemindersAndTheHomeCardTheMostUrgentFirst() {
        UUID two = reminderOf(coi2);
        UUID seven = reminderOf(coi7);
        String certificate = as("ADMIN").get("/insurance/certificates/" + coi7).body();
        assertThat(certificate).contains("Renewal reminders").contains("data-reminder=\"" + seven + "\"")
                .doesNotContain("data-reminder=\"" + two + "\"");

        // Both waiting again, whatever the other tests acknowledged.
        jdbc.update("update reminders_expiration_reminders set acknowledged = false, acknowledged_at = null,"
                + " acknowledged_by = null where organization_id = ?", tenant.organizationId());
        String home = as("MANAGER").get("/").body();
        assertThat(home).contains("Reminders waiting for your acknowledgement");
        // Most urgent first: the 2-day reminder is named before the 7-day one.
        assertThat(home.indexOf("Second Sub GL expires in 2 days")).isNotNegative()
                .isLessThan(home.indexOf("Demo Electric GL expires in 7 days"));
        String broker = as("BROKER2").get("/").body();
        assertThat(broker).contains("Reminders waiting for your acknowledgement").contains("/reminders/" + two
                + "/acknowledge").doesNotContain(seven.toString());
    }

    @Test
    void everyPageAsksToSignInAndRefusesTheWrongRole() {
        HttpResponse<String> anonymous = new PageClient(port, "").get("/reminders");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/login");
        HttpResponse<String> fromMail = new PageClient(port, "").get("/reminders/" + UUID.randomUUID()
                + "/acknowledge");
        assertThat(fromMail.statusCode()).isEqualTo(302);
        assertThat(fromMail.headers().firstValue("Location").orElseThrow()).contains("/login");
        for (String path : List.of("/reminders", "/reminders/settings")) {
            assertThat(as("USER").get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(as("BROKER").get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(as("MANAGER").post("/reminders", "/reminders/run", List.<String[]>of()).statusCode()).isEqualTo(403);
        assertThat(as("ADMIN").get("/reminders/" + UUID.randomUUID() + "/acknowledge").statusCode()).isEqualTo(404);
    }
}

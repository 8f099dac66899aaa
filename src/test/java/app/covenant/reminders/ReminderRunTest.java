package app.covenant.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.IdentityProperties;
import app.covenant.notifications.EmailOutbox;
import app.covenant.reminders.internal.DigestLines;
import app.covenant.reminders.internal.DueReminders;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reminder run against PostgreSQL, for days given explicitly (a fixed calendar): the tiers, catch-up, exactly
 * once (rerun and two concurrent runs), stop and pause, recipients, digests, subjects and settings. Each test has
 * an organization of its own and looks only at its own rows.
 */
@IntegrationTest
class ReminderRunTest {

    // Far from the real calendar, so rows other tests wrote do not fall in these days' windows by accident.
    private static final LocalDate D0 = LocalDate.of(2031, 3, 1);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReminderRunner runner;
    @Autowired
    DueReminders due;
    @Autowired
    DigestLines digests;
    @Autowired
    EmailOutbox outbox;
    @Autowired
    IdentityProperties identity;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    org.springframework.context.ApplicationContext context;

    private ReminderFixtures f;
    private String broker;
    private UUID brokerId;
    private String admin;

    @BeforeEach
    void tenant() {
        f = new ReminderFixtures(jdbc, TestTenants.create(jdbc));
        String domain = f.tenant.code().toLowerCase() + ".test";
        broker = "blair@broker." + domain;
        brokerId = f.broker(broker, f.tenant.userId("BROKER"));
        admin = "compliance@" + domain;
    }

    private UUID activeCoi(LocalDate expires) {
        return f.coi(f.project, f.sub, "ACTIVE", admin, brokerId, broker, Instant.parse("2030-01-01T00:00:00Z"), expires);
    }

    @Test
    void eachTierFiresOnItsDayAndOverdueEveryTwoDays() {
        LocalDate e = D0.plusDays(30);
        UUID coi = activeCoi(e);

        runner.runFor(D0.minusDays(1));
        assertThat(f.types(coi)).isEmpty();
        List<String> expected = new ArrayList<>();
        record Step(int day, String type, LocalDate dueDate) {
        }
        for (Step step : List.of(new Step(0, "DAYS_30", e.minusDays(30)), new Step(16, "DAYS_14", e.minusDays(14)),
                new Step(23, "DAYS_7", e.minusDays(7)), new Step(28, "DAYS_2", e.minusDays(2)),
                new Step(30, "EXPIRED", e), new Step(32, "EVERY_2_DAYS", e.plusDays(2)),
                new Step(34, "EVERY_2_DAYS", e.plusDays(4)))) {
            runner.runFor(D0.plusDays(step.day()));
            expected.add(step.type() + "@" + step.dueDate());
            assertThat(f.types(coi)).as("day %s", step.day()).containsExactlyElementsOf(expected);
            runner.runFor(D0.plusDays(step.day() + 1));
            assertThat(f.types(coi)).as("the day after %s", step.day()).containsExactlyElementsOf(expected);
        }
        assertThat(jdbc.queryForList("select days_before_expiry from reminders_expiration_reminders where coi_id = ? "
                + "order by due_date", Integer.class, coi)).containsExactly(30, 14, 7, 2, 0, -2, -4);
    }

    @Test
    void aMissedRunCatchesUpOnlyTheLatestTierOnceAndARerunSendsNothing() {
        LocalDate e = D0.plusDays(30);
        UUID coi = activeCoi(e);
        runner.runFor(D0);
        // Down from day 1 to day 24: DAYS_14 (day 16) and DAYS_7 (day 23) were missed; only DAYS_7 is sent.
        runner.runFor(D0.plusDays(25));
        runner.runFor(D0.plusDays(25));
        runner.runFor(D0.plusDays(26));
        assertThat(f.types(coi)).containsExactly("DAYS_30@" + D0, "DAYS_7@" + e.minusDays(7));
        assertThat(f.subjectsTo(broker)).hasSize(2);
        // Down across expiry: overdue 5 days → the EVERY_2_DAYS of overdue day 4, once.
        runner.runFor(e.plusDays(5));
        runner.runFor(e.plusDays(5));
        assertThat(f.types(coi)).endsWith("EVERY_2_DAYS@" + e.plusDays(4)).hasSize(3);
        // The subject says how late the policy is when the e-mail goes out.
        assertThat(f.subjectsTo(broker)).hasSize(3).last().asString().startsWith("[OVERDUE 5 Days]");
    }

    @Test
    void twoConcurrentRunsSendNothingTwice() throws Exception {
        UUID coi = activeCoi(D0.plusDays(7));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ReminderRunResult>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return runner.runFor(D0);
                }));
            }
            start.countDown();
            for (Future<ReminderRunResult> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(f.types(coi)).containsExactly("DAYS_7@" + D0);
        assertThat(f.subjectsTo(broker)).hasSize(1);
        assertThat(f.subjectsTo(admin)).hasSize(1);
        assertThat(f.subjectsTo(f.subEmail)).hasSize(1);
    }

    @Test
    void stopsAfterReplacementAndForAnInactiveSubAndPausesWhileAReplacementIsInReview() {
        UUID replaced = activeCoi(D0.plusDays(7));
        f.coi(f.project, f.sub, "ACTIVE", admin, brokerId, broker, Instant.parse("2030-06-01T00:00:00Z"),
                D0.plusYears(1));
        UUID otherSub = f.contractor("SUBCONTRACTOR", "Paused Plumbing", null);
        UUID paused = f.coi(f.project, otherSub, "ACTIVE", admin, brokerId, broker,
                Instant.parse("2030-01-01T00:00:00Z"), D0.plusDays(7));
        UUID inReview = f.coi(f.project, otherSub, "AWAITING_ADMIN_REVIEW", admin, brokerId, broker,
                Instant.parse("2030-06-01T00:00:00Z"), D0.plusYears(1));
        UUID inactiveSub = f.contractor("SUBCONTRACTOR", "Closed Carpentry", null);
        jdbc.update("update insurance_contractors set status = 'INACTIVE' where id = ?", inactiveSub);
        UUID inactive = f.coi(f.project, inactiveSub, "ACTIVE", admin, brokerId, broker,
                Instant.parse("2030-01-01T00:00:00Z"), D0.plusDays(7));

        runner.runFor(D0);
        assertThat(f.types(replaced)).isEmpty();
        assertThat(f.types(paused)).isEmpty();
        assertThat(f.types(inactive)).isEmpty();

        // The review ends with a rejection (back to the broker): the pause is over and the latest tier is caught up.
        jdbc.update("update insurance_cois set status = 'DEFICIENCY_PENDING' where id = ?", inReview);
        runner.runFor(D0.plusDays(1));
        assertThat(f.types(paused)).containsExactly("DAYS_7@" + D0);
        assertThat(f.types(replaced)).isEmpty();
    }

    @Test
    void recipientsAreDeduplicatedLowerCasedAndEachGetsOneDigestListingAllTheirPolicies() {
        // The assigned admin is the broker, spelled differently.
        UUID first = f.coi(f.project, f.sub, "ACTIVE", broker.toUpperCase(), brokerId, broker,
                Instant.parse("2030-01-01T00:00:00Z"), D0.plusDays(7));
        UUID secondSub = f.contractor("SUBCONTRACTOR", "Second Steel", null);
        UUID second = f.coi(f.project, secondSub, "ACTIVE", admin, brokerId, broker,
                Instant.parse("2030-01-01T00:00:00Z"), D0.plusDays(30));
        f.policy(second, "AUTO", "AU-1", D0.plusDays(2));

        runner.runFor(D0);

        List<String> expectedFirst = new ArrayList<>(List.of(broker));
        String globalAdmin = identity.firstStart().adminEmail();
        if (!globalAdmin.isBlank()) {
            expectedFirst.add(globalAdmin.toLowerCase());
        }
        expectedFirst.add(f.subEmail);
        assertThat(jdbc.queryForObject("select sent_to from reminders_expiration_reminders where coi_id = ?",
                String.class, first)).isEqualTo(String.join(",", expectedFirst));
        assertThat(f.types(second)).containsExactlyInAnyOrder("DAYS_30@" + D0, "DAYS_2@" + D0);

        // The broker: one e-mail for the three reminders, with the most urgent one's prefix and the count.
        assertThat(f.subjectsTo(broker)).containsExactly("[2 Days] CRITICAL 3 insurance policies need renewal");
        assertThat(f.bodyTo(broker)).contains("/insurance/certificates/" + first)
                .contains("/insurance/certificates/" + second).contains("[7 Days] URGENT GL policy")
                .contains("[30 Days] GL policy").contains("[2 Days] CRITICAL AUTO policy AU-1 of Second Steel");
        // The admin of the second certificate only: its two reminders.
        assertThat(f.subjectsTo(admin)).containsExactly("[2 Days] CRITICAL 2 insurance policies need renewal");
        // The first sub alone on its one reminder: the reminder's own subject.
        assertThat(f.subjectsTo(f.subEmail)).singleElement().asString()
                .startsWith("[7 Days] URGENT GL policy GL-").contains("of Demo Electric (Hudson Tower) expires on");
    }

    @Test
    void anEmailTheOutboxRefusesIsSkippedAndTheRunGoesOn() {
        UUID badSub = f.contractor("SUBCONTRACTOR", "Typo Tiling", "office at typo-tiling");
        UUID coi = f.coi(f.project, badSub, "ACTIVE", admin, brokerId, broker, Instant.parse("2030-01-01T00:00:00Z"),
                D0.plusDays(14));
        runner.runFor(D0);
        assertThat(f.types(coi)).containsExactly("DAYS_14@" + D0);
        assertThat(f.subjectsTo(broker)).singleElement().asString().startsWith("[14 Days] GL policy");
        assertThat(f.subjectsTo(admin)).hasSize(1);
    }

    @Test
    void subjectsEscalate() {
        UUID coi = activeCoi(D0);
        runner.runFor(D0);
        runner.runFor(D0.plusDays(6));
        assertThat(jdbc.queryForList("select email_subject from reminders_expiration_reminders where coi_id = ? "
                + "order by due_date", String.class, coi)).satisfiesExactly(
                s -> assertThat(s).startsWith("[EXPIRED] GL policy").endsWith("expires today"),
                s -> assertThat(s).startsWith("[OVERDUE 6 Days] GL policy").contains("expired on"));
        assertThat(ReminderType.DAYS_30.subjectPrefix(30)).isEqualTo("[30 Days]");
        assertThat(ReminderType.DAYS_14.subjectPrefix(14)).isEqualTo("[14 Days]");
        assertThat(ReminderType.DAYS_7.subjectPrefix(7)).isEqualTo("[7 Days] URGENT");
        assertThat(ReminderType.DAYS_2.subjectPrefix(2)).isEqualTo("[2 Days] CRITICAL");
        assertThat(ReminderType.EXPIRED.subjectPrefix(0)).isEqualTo("[EXPIRED]");
        assertThat(ReminderType.EVERY_2_DAYS.subjectPrefix(-8)).isEqualTo("[OVERDUE 8 Days]");
    }

    @Test
    void settingsSwitchATypeOffAddRecipientsOrStopEverything() {
        String extra = "Risk@" + f.tenant.code().toLowerCase() + ".test";
        jdbc.update("insert into reminders_settings (organization_id, enabled, disabled_types, extra_recipients, "
                + "updated_at) values (?, true, 'DAYS_7,DAYS_2', ?, ?)", f.tenant.organizationId(), extra,
                Timestamp.from(Instant.now()));
        UUID sevenDays = activeCoi(D0.plusDays(7));
        UUID thirtyDays = activeCoi(D0.plusDays(30));
        runner.runFor(D0);
        assertThat(f.types(sevenDays)).isEmpty();
        assertThat(f.types(thirtyDays)).containsExactly("DAYS_30@" + D0);
        assertThat(f.subjectsTo(extra.toLowerCase())).hasSize(1);

        jdbc.update("update reminders_settings set enabled = false where organization_id = ?", f.tenant.organizationId());
        runner.runFor(D0.plusDays(7));
        assertThat(f.types(sevenDays)).isEmpty();
    }

    @Test
    void theDailyJobIsRegisteredWithTheJobRunner() {
        assertThat(context.getBean("reminders-check-expiring-policies"))
                .isInstanceOf(com.github.kagkarlsson.scheduler.task.helper.RecurringTask.class);
    }

    @Test
    void theScheduledRunRemindsForTodayOfTheConfiguredZone() {
        UUID coi = activeCoi(D0.plusDays(7));
        // 23:30 UTC on the day before D0 is already D0 in Auckland.
        Clock clock = Clock.fixed(D0.minusDays(1).atTime(23, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        ReminderRunner auckland = new ReminderRunner(due, digests, outbox, identity,
                new RemindersProperties("0 0 6 * * *", ZoneId.of("Pacific/Auckland")), clock, transactions);
        ReminderRunResult result = auckland.run();
        assertThat(f.types(coi)).containsExactly("DAYS_7@" + D0);
        assertThat(result.remindersSent()).isPositive();
        assertThat(result.emailsQueued()).isPositive();
        assertThat(result.policiesChecked()).isPositive();
    }
}

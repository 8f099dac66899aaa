package app.covenant.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.CovenantApplication;
import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import app.covenant.support.TestDatabases;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application nodes on one PostgreSQL database, both with the scheduler on and e-mail going to one
 * real SMTP server: every message is delivered exactly once, and every due execution of a recurring job
 * runs once, on whichever node picks it.
 */
class TwoNodesTest {

    private static final String DOMAIN = "two-nodes.invalid";
    private static final int SMTP_PORT = freePort();
    private static final String PURGE = "idempotency-key-purge";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer", "mailer-password"))
            .withPerMethodLifecycle(false);

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        String database = TestDatabases.createFresh();
        // One after the other: the first migrates the database.
        nodeA = node("node-a", database);
        nodeB = node("node-b", database);
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void everyMessageIsSentExactlyOnceWhileBothNodesSend() {
        // Each node enqueues half: both send right after commit, and the sender job runs on either.
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> enqueue(nodeA, 0, 50));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> enqueue(nodeB, 50, 100));
        CompletableFuture.allOf(a, b).join();

        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from email_outbox where to_address like ? and status = 'SENT'", Long.class,
                "%@" + DOMAIN) == 100);
        // Exactly once means no late duplicate either.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> received().size() == 100);

        Map<String, Long> perRecipient = received().stream()
                .collect(Collectors.groupingBy(TwoNodesTest::recipient, Collectors.counting()));
        assertThat(perRecipient).hasSize(100).allSatisfy((recipient, count) -> assertThat(count).isOne());
        assertThat(jdbc.queryForObject("select count(*) from email_outbox where to_address like ? and status <> 'SENT'",
                Long.class, "%@" + DOMAIN)).isZero();
    }

    @Test
    void eachDueExecutionOfARecurringJobRunsOnceAcrossTheNodes() {
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        Instant from = Instant.now();

        // The purge is due every second on this cluster; both nodes poll for it five times a second.
        await().atMost(Duration.ofSeconds(30)).until(() -> finishedRunsSince(jdbc, from) >= 8);

        List<Map<String, Object>> runs = jdbc.queryForList("select scheduled_for, node, outcome from job_runs "
                + "where job_name = ? and started_at >= ? and finished_at is not null", PURGE, java.sql.Timestamp.from(from));
        assertThat(runs).extracting(run -> run.get("outcome")).containsOnly("SUCCEEDED");
        assertThat(runs).extracting(run -> run.get("node")).isSubsetOf("node-a", "node-b");
        assertThat(jdbc.queryForObject("select count(*) - count(distinct scheduled_for) from job_runs where job_name = ?",
                Long.class, PURGE)).as("executions that ran twice").isZero();
    }

    private static long finishedRunsSince(JdbcTemplate jdbc, Instant from) {
        return jdbc.queryForObject("select count(*) from job_runs where job_name = ? and started_at >= ? "
                + "and finished_at is not null", Long.class, PURGE, java.sql.Timestamp.from(from));
    }

    private static void enqueue(ConfigurableApplicationContext node, int from, int to) {
        EmailOutbox outbox = node.getBean(EmailOutbox.class);
        TransactionTemplate transaction = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
        IntStream.range(from, to).forEach(i -> transaction.executeWithoutResult(status -> outbox.enqueue(
                new OutgoingEmail("user-" + i + "@" + DOMAIN, "Reset your Covenant password", "password-reset",
                        Map.of("name", "User " + i, "link", "/reset-password?token=token-" + i,
                                "expiresAt", Instant.parse("2026-12-01T09:00:00Z"))))));
    }

    private static List<MimeMessage> received() {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> recipient(m).endsWith("@" + DOMAIN)).toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConfigurableApplicationContext node(String name, String database) {
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("spring.datasource.url", database),
                Map.entry("server.port", "0"),
                Map.entry("db-scheduler.scheduler-name", name),
                Map.entry("db-scheduler.polling-interval", "200ms"),
                Map.entry("covenant.jobs.idempotency-purge-cron", "* * * * * *"),
                Map.entry("covenant.notifications.provider", "smtp"),
                Map.entry("covenant.notifications.from", "Covenant <no-reply@covenant.test>"),
                Map.entry("covenant.notifications.smtp.host", "127.0.0.1"),
                Map.entry("covenant.notifications.smtp.port", String.valueOf(SMTP_PORT)),
                Map.entry("covenant.notifications.smtp.username", "mailer"),
                Map.entry("covenant.notifications.smtp.password", "mailer-password"),
                Map.entry("covenant.notifications.smtp.starttls", "false"),
                Map.entry("covenant.notifications.delivery.interval", "1s"),
                Map.entry("covenant.notifications.delivery.batch-size", "5"));
        // As arguments: they must win over application.yml (server.port: ${PORT:8080}), as on a real node.
        return new SpringApplicationBuilder(CovenantApplication.class).profiles("test")
                .run(properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                        .toArray(String[]::new));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbox throughput to a local SMTP server (issue 4): N messages are enqueued through the real
 * {@code EmailOutbox} into PostgreSQL, then drained by the sender job's body ({@code OutboxSender.sendDue()},
 * claims, delivery, status updates) into GreenMail on loopback; the reference is the same N messages sent
 * raw with Jakarta Mail from one thread over one connection, in the same run. Goal: at least 200 messages
 * per second through the outbox.
 *
 * <p>Run by {@code bench/outbox.sh} (see bench/README.md), with the application's test classpath.
 */
public class OutboxBench {

    static final int MESSAGES = Integer.parseInt(env("BENCH_MESSAGES", "2000"));
    static final int WARMUP = Integer.parseInt(env("BENCH_WARMUP_MESSAGES", "300"));
    static final int PER_TRANSACTION = 100;
    static final String ADMIN_URL = env("BENCH_DATABASE_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String FROM = "Covenant <no-reply@bench.test>";

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "Covenant outbox benchmark, %s, %d CPUs, Java %s, %s; %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("os.name") + " " + System.getProperty("os.arch"), load());
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        String database = "covenant_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + database);
        Path dataDir = Files.createTempDirectory("covenant-outbox-bench");
        try (ConfigurableApplicationContext app = start(database, port, dataDir)) {
            Bench bench = new Bench(app, smtp, port);
            System.out.printf(Locale.ROOT, "%nWarm-up: %d messages each way%n", WARMUP);
            bench.outbox(WARMUP, "warmup");
            bench.raw(WARMUP, "warmup", true);
            bench.raw(Math.min(WARMUP, 100), "warmup", false);
            System.out.printf(Locale.ROOT, "%nOutbox vs raw SMTP, %d messages each (password-changed template, multipart text+HTML)%n", MESSAGES);
            double outbox = bench.outbox(MESSAGES, "outbox");
            double raw = bench.raw(MESSAGES, "outbox", true);
            double perMessage = bench.raw(Math.min(MESSAGES, 500), "outbox", false);
            System.out.printf(Locale.ROOT, "  %-62s %8.0f msg/s%n", "raw Jakarta Mail, one thread, one connection", raw);
            System.out.printf(Locale.ROOT, "  %-62s %8.0f msg/s%n", "raw Jakarta Mail, one thread, a new connection per message", perMessage);
            System.out.printf(Locale.ROOT, "  %-62s %8.0f msg/s%n", "outbox: enqueued in PostgreSQL, drained by OutboxSender.sendDue()", outbox);
            System.out.printf(Locale.ROOT, "  ratio outbox : raw (one connection) %.2f; outbox %s the goal of 200 msg/s%n",
                    outbox / raw, outbox >= 200 ? "meets" : "does NOT meet");
        } finally {
            smtp.stop();
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        System.out.printf(Locale.ROOT, "%nDone; %s%n", load());
    }

    static ConfigurableApplicationContext start(String database, int smtpPort, Path dataDir) throws Exception {
        String url = ADMIN_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        // The source launcher loads this file in a class loader of its own; Spring must see the application's.
        ClassLoader applicationLoader = ClassLoader.getSystemClassLoader();
        Thread.currentThread().setContextClassLoader(applicationLoader);
        Class<?> application = Class.forName("app.covenant.CovenantApplication", true, applicationLoader);
        // Command-line arguments: they win over application.yml, whose ${VARIABLE:default}s would win over defaults.
        return new SpringApplicationBuilder(application).run(
                "--spring.datasource.url=" + url,
                "--DATA_DIR=" + dataDir,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--logging.level.root=" + env("LOG_LEVEL", "warn"),
                "--covenant.notifications.provider=smtp",
                "--covenant.notifications.from=" + FROM,
                "--covenant.notifications.smtp.host=127.0.0.1",
                "--covenant.notifications.smtp.port=" + smtpPort,
                "--covenant.notifications.smtp.starttls=false",
                "--covenant.notifications.delivery.concurrency=" + env("BENCH_SEND_CONCURRENCY", "4"),
                "--covenant.platform.frontend-url=https://covenant.test",
                // The benchmark runs the job's body itself, so a scheduled run cannot take part of the work.
                "--db-scheduler.enabled=false");
    }

    static final class Bench {
        final GreenMail smtp;
        final int port;
        final JdbcClient jdbc;
        final TransactionTemplate transactions;
        final Object outbox;
        final Method enqueue;
        final Object sender;
        final Method sendDue;
        final Class<?> outgoingEmail;

        Bench(ConfigurableApplicationContext app, GreenMail smtp, int port) throws Exception {
            this.smtp = smtp;
            this.port = port;
            this.jdbc = app.getBean(JdbcClient.class);
            this.transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            Class<?> emailOutbox = Class.forName("app.covenant.notifications.EmailOutbox");
            this.outgoingEmail = Class.forName("app.covenant.notifications.OutgoingEmail");
            this.outbox = app.getBean(emailOutbox);
            this.enqueue = emailOutbox.getMethod("enqueue", outgoingEmail);
            // The job's body is package-private inside the notifications module: reach it as the job does, on the bean.
            Class<?> senderType = Class.forName("app.covenant.notifications.internal.OutboxSender");
            this.sender = app.getBean(senderType);
            this.sendDue = senderType.getDeclaredMethod("sendDue");
            sendDue.setAccessible(true);
        }

        /** Enqueues {@code count} messages while the SMTP server is down, then times draining them into it. */
        double outbox(int count, String label) throws Exception {
            // With the server down, the after-commit path fails at the first message of each transaction and
            // leaves the rest to the job; those first ones are then made due again, untried.
            smtp.stop();
            for (int first = 0; first < count; first += PER_TRANSACTION) {
                int from = first;
                transactions.executeWithoutResult(status -> {
                    for (int i = from; i < Math.min(from + PER_TRANSACTION, count); i++) {
                        invoke(enqueue, outbox, email(label, i));
                    }
                });
            }
            long transactionsRun = (count + PER_TRANSACTION - 1) / PER_TRANSACTION;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (jdbc.sql("SELECT count(*) FROM email_outbox WHERE attempts > 0 AND status = 'PENDING'").query(Long.class).single()
                    < transactionsRun && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            jdbc.sql("UPDATE email_outbox SET attempts = 0, last_error = NULL, next_attempt_at = now() WHERE status = 'PENDING'").update();
            smtp.start();
            int before = smtp.getReceivedMessages().length;

            long started = System.nanoTime();
            while (jdbc.sql("SELECT count(*) FROM email_outbox WHERE status = 'PENDING'").query(Long.class).single() > 0) {
                invoke(sendDue, sender);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int received = smtp.getReceivedMessages().length - before;
            long sent = jdbc.sql("SELECT count(*) FROM email_outbox WHERE status = 'SENT' AND to_address LIKE ?")
                    .param(label + "-%").query(Long.class).single();
            if (received != count || sent != count) {
                throw new IllegalStateException("outbox: " + received + " received, " + sent + " SENT, expected " + count);
            }
            System.out.printf(Locale.ROOT, "  outbox %-7s %6d messages in %6.2f s%n", label, count, seconds);
            return count / seconds;
        }

        /** The same messages (as stored by the outbox) sent raw from one thread, over one connection or one each. */
        double raw(int count, String label, boolean oneConnection) throws Exception {
            List<Map<String, Object>> rows = jdbc.sql("SELECT to_address, subject, body_text, body_html FROM email_outbox"
                    + " WHERE status = 'SENT' AND to_address LIKE ? LIMIT ?").params(label + "-%", count).query().listOfRows();
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(port));
            Session session = Session.getInstance(properties);
            int before = smtp.getReceivedMessages().length;
            long started = System.nanoTime();
            Transport transport = session.getTransport("smtp");
            transport.connect();
            try {
                for (Map<String, Object> row : rows) {
                    MimeMessage message = mime(session, row);
                    if (!oneConnection && !transport.isConnected()) {
                        transport.connect();
                    }
                    transport.sendMessage(message, message.getAllRecipients());
                    if (!oneConnection) {
                        transport.close();
                    }
                }
            } finally {
                transport.close();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int received = smtp.getReceivedMessages().length - before;
            if (received != rows.size()) {
                throw new IllegalStateException("raw: " + received + " received, expected " + rows.size());
            }
            System.out.printf(Locale.ROOT, "  raw    %-7s %6d messages in %6.2f s (%s)%n", label, rows.size(), seconds,
                    oneConnection ? "one connection" : "a connection each");
            return rows.size() / seconds;
        }

        Object email(String label, int i) {
            try {
                return outgoingEmail.getConstructor(String.class, String.class, String.class, Map.class)
                        .newInstance(label + "-" + i + "@bench.invalid", "Your Covenant password was changed",
                                "password-changed", Map.of("name", "Bench User " + i, "changedAt", Instant.now()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static MimeMessage mime(Session session, Map<String, Object> row) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(FROM));
        // A recipient GreenMail has not seen yet, as for the outbox's messages: it creates a mailbox per new address.
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("raw-" + UUID.randomUUID() + "-" + row.get("to_address")));
        message.setSubject((String) row.get("subject"), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText((String) row.get("body_text"), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText((String) row.get("body_html"), "UTF-8", "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        return message;
    }

    static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
        }
    }

    static void admin(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL)) {
            connection.createStatement().execute(sql);
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String load() {
        return String.format(Locale.ROOT, "load average %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

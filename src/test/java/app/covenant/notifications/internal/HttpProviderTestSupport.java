package app.covenant.notifications.internal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import app.covenant.notifications.AdjustableClock;
import app.covenant.notifications.EmailOutbox;
import app.covenant.notifications.OutgoingEmail;
import app.covenant.notifications.SmtpOutboxTestSupport;
import app.covenant.support.IntegrationTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole application with an HTTP e-mail provider (SendGrid, SES) pointed at WireMock, which records
 * every request exactly as the provider would receive it. The sender job is off: tests run its body.
 */
@IntegrationTest
@Import(HttpProviderTestSupport.MovableTime.class)
abstract class HttpProviderTestSupport {

    static final String FROM = "Covenant <no-reply@covenant.test>";
    // Reserved by RFC 2606: never a real recipient, and it marks the rows these tests own.
    static final String TEST_DOMAIN = "provider.invalid";

    /** One server per test class, on a port the system picks; started before the context reads its URL. */
    static WireMockServer startWireMock() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    @Autowired
    EmailOutbox outbox;
    @Autowired
    AdjustableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxSender sender;
    @Autowired
    private PlatformTransactionManager transactions;

    abstract WireMockServer wireMock();

    @BeforeEach
    void freshServer() {
        wireMock().resetAll();
    }

    /** Messages a test left due would be tried by the next test's sender runs and skew its requests. */
    @AfterEach
    void leaveNothingDue() {
        jdbc.sql("DELETE FROM email_outbox WHERE status = 'PENDING' AND to_address LIKE ?").param("%" + TEST_DOMAIN).update();
    }

    <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    UUID enqueueCommitted(OutgoingEmail email) {
        return inTransaction(() -> outbox.enqueue(email));
    }

    static OutgoingEmail passwordReset(String to) {
        return new OutgoingEmail(to, "Reset your Covenant password", "password-reset", Map.of(
                "name", "Ana <b>Lima</b>", "link", "/reset-password?token=reset-token-" + UUID.randomUUID(),
                "expiresAt", Instant.parse("2026-12-01T09:00:00Z")));
    }

    static String uniqueAddress(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + TEST_DOMAIN;
    }

    SmtpOutboxTestSupport.OutboxRow row(UUID id) {
        return jdbc.sql("""
                        SELECT status, attempts, last_error, next_attempt_at, sent_at, correlation_id, claim_token
                        FROM email_outbox WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new SmtpOutboxTestSupport.OutboxRow(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getString(6), rs.getObject(7) != null))
                .single();
    }

    /** Requests whose body mentions {@code text} (a recipient, a domain), oldest first. */
    List<ServeEvent> requestsMentioning(String text) {
        return wireMock().getAllServeEvents().stream()
                .filter(event -> event.getRequest().getBodyAsString().contains(text))
                .sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
                .toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableTime {

        @Bean
        @Primary
        AdjustableClock adjustableClock() {
            return new AdjustableClock();
        }
    }
}

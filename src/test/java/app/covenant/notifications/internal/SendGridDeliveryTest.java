package app.covenant.notifications.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import app.covenant.notifications.OutgoingEmail;
import app.covenant.notifications.SmtpOutboxTestSupport.OutboxRow;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code EMAIL_PROVIDER=sendgrid} end to end: the exact v3 Mail Send request, and what each answer does to a message. */
@ExtendWith(OutputCaptureExtension.class)
class SendGridDeliveryTest extends HttpProviderTestSupport {

    private static final String API_KEY = "SG.test-key-that-must-never-be-logged";
    private static final WireMockServer sendGrid = startWireMock();
    private static final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void sendGridProvider(DynamicPropertyRegistry registry) {
        registry.add("covenant.notifications.provider", () -> "sendgrid");
        registry.add("covenant.notifications.from", () -> FROM);
        registry.add("covenant.notifications.sendgrid.api-key", () -> API_KEY);
        registry.add("covenant.notifications.sendgrid.base-url", sendGrid::baseUrl);
        registry.add("covenant.platform.frontend-url", () -> "https://covenant.test");
        registry.add("db-scheduler.enabled", () -> "false");
    }

    @AfterAll
    static void stopSendGrid() {
        sendGrid.stop();
    }

    @Override
    WireMockServer wireMock() {
        return sendGrid;
    }

    @Test
    void postsExactlyOneMailSendRequestWithBothPartsAndMarksTheMessageSent(CapturedOutput output) {
        answer(202);
        String to = uniqueAddress("ana");
        MDC.put("traceId", "corr-sendgrid-1");
        UUID id;
        try {
            id = enqueueCommitted(passwordReset(to));
        } finally {
            MDC.remove("traceId");
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> row(id).status().equals("SENT"));
        sender.sendDue();

        List<ServeEvent> requests = requestsMentioning(to);
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.getFirst().getRequest();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo("/v3/mail/send");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode mail = json.readTree(request.getBodyAsString());
        assertThat(mail.path("personalizations")).hasSize(1);
        assertThat(mail.path("personalizations").path(0).path("to")).hasSize(1);
        assertThat(mail.at("/personalizations/0/to/0/email").asString()).isEqualTo(to);
        assertThat(mail.at("/from/email").asString()).isEqualTo("no-reply@covenant.test");
        assertThat(mail.at("/from/name").asString()).isEqualTo("Covenant");
        assertThat(mail.path("subject").asString()).isEqualTo("Reset your Covenant password");
        assertThat(mail.path("content")).hasSize(2);
        assertThat(mail.at("/content/0/type").asString()).isEqualTo("text/plain");
        assertThat(mail.at("/content/0/value").asString()).contains("https://covenant.test/reset-password?token=reset-token-");
        assertThat(mail.at("/content/1/type").asString()).isEqualTo("text/html");
        assertThat(mail.at("/content/1/value").asString()).contains("Ana &lt;b&gt;Lima&lt;/b&gt;")
                .contains("href=\"https://covenant.test/reset-password?token=reset-token-");
        assertThat(mail.at("/headers/X-Correlation-ID").asString()).isEqualTo("corr-sendgrid-1");
        assertThat(mail.at("/headers/Auto-Submitted").asString()).isEqualTo("auto-generated");
        assertThat(mail.at("/custom_args/outbox_id").asString()).isEqualTo(id.toString());

        OutboxRow row = row(id);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();
        assertThat(row.lastError()).isNull();
        assertThat(row.claimed()).isFalse();
        assertThat(output).doesNotContain(API_KEY).doesNotContain("reset-token-");
    }

    @Test
    void aServiceUnavailableAnswerIsRetriedAfterTheBackoffAndThenSentOnce() {
        answer(503);
        String to = uniqueAddress("unavailable");
        UUID id = enqueueCommitted(passwordReset(to));

        await().atMost(Duration.ofSeconds(10)).until(() -> row(id).attempts() == 1);
        OutboxRow failed = row(id);
        assertThat(failed.status()).isEqualTo("PENDING");
        assertThat(failed.lastError()).isEqualTo("SendGrid answered HTTP 503");
        assertThat(failed.nextAttemptAt()).isCloseTo(clock.instant().plus(Duration.ofMinutes(1)), within(15, ChronoUnit.SECONDS));

        answer(202);
        sender.sendDue();
        assertThat(requestsMentioning(to)).as("not tried again before the backoff ends").hasSize(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(5));
        sender.sendDue();

        OutboxRow sent = row(id);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(statuses(requestsMentioning(to))).containsExactly(503, 202);
    }

    @Test
    void aMalformedRequestFailsTheMessageAtOnceWithSendGridsReasonButNoSecret(CapturedOutput output) {
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email","help":null}]}""")));
        String to = uniqueAddress("malformed");
        UUID id = enqueueCommitted(passwordReset(to));

        await().atMost(Duration.ofSeconds(10)).until(() -> row(id).status().equals("FAILED"));

        OutboxRow row = row(id);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError())
                .isEqualTo("SendGrid answered HTTP 400: personalizations.0.to.0.email: Does not contain a valid address.")
                .doesNotContain(API_KEY);
        clock.advance(Duration.ofHours(2));
        sender.sendDue();
        assertThat(requestsMentioning(to)).hasSize(1);
        assertThat(output).doesNotContain(API_KEY);
    }

    @Test
    void aRejectedKeyKeepsMessagesPendingAndIsReportedOnceToTheOperator(CapturedOutput output) {
        answer(401);
        String domain = "key-" + UUID.randomUUID().toString().substring(0, 8) + "." + TEST_DOMAIN;
        List<UUID> ids = inTransaction(() -> List.of(
                outbox.enqueue(passwordReset("first@" + domain)), outbox.enqueue(passwordReset("second@" + domain))));
        await().atMost(Duration.ofSeconds(10)).until(() -> row(ids.getFirst()).attempts() == 1);

        sender.sendDue();

        assertThat(ids).allSatisfy(id -> {
            OutboxRow row = row(id);
            assertThat(row.status()).isEqualTo("PENDING");
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).isEqualTo("SendGrid refused the API key (HTTP 401); check SENDGRID_API_KEY");
        });
        assertThat(output.getOut().split("SendGrid refused SENDGRID_API_KEY", -1)).as("one ERROR line for the outage").hasSize(2);
        assertThat(output).doesNotContain(API_KEY);

        answer(202);
        clock.advance(Duration.ofMinutes(2));
        sender.sendDue();
        assertThat(ids).allSatisfy(id -> assertThat(row(id).status()).isEqualTo("SENT"));
    }

    @Test
    void thirtyMessagesWaitOutAThreeHourOutageAndAreEachAcceptedExactlyOnce() {
        answer(503);
        String domain = "outage-" + UUID.randomUUID().toString().substring(0, 8) + "." + TEST_DOMAIN;
        List<UUID> ids = inTransaction(() -> IntStream.range(0, 30)
                .mapToObj(i -> outbox.enqueue(new OutgoingEmail("user" + i + "@" + domain, "Message " + i,
                        "password-changed", Map.of("name", "User " + i))))
                .toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> requestsMentioning(domain).size() == 1);

        int runs = 0;
        for (Duration down = Duration.ZERO; down.compareTo(Duration.ofHours(3)) < 0; down = down.plusMinutes(10)) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(sender.sendDue().sent()).isZero();
            runs++;
        }
        int failures = requestsMentioning(domain).size();
        assertThat(failures).as("each run pauses after three refusals in a row: no flood").isLessThanOrEqualTo(1 + 3 * runs);
        assertThat(pending(domain)).isEqualTo(30);

        answer(202);
        for (int run = 0; run < 20 && pending(domain) > 0; run++) {
            clock.advance(Duration.ofHours(1));
            sender.sendDue();
        }

        Map<String, List<Integer>> answersPerRecipient = requestsMentioning(domain).stream().collect(
                Collectors.groupingBy(SendGridDeliveryTest::recipient, Collectors.mapping(e -> e.getResponse().getStatus(), Collectors.toList())));
        assertThat(answersPerRecipient).hasSize(30).allSatisfy((recipient, answers) -> {
            assertThat(answers).as(recipient).last().isEqualTo(202);
            assertThat(answers).as(recipient).filteredOn(status -> status == 202).hasSize(1);
        });
        assertThat(ids).allSatisfy(id -> {
            OutboxRow row = row(id);
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.claimed()).isFalse();
            assertThat(row.lastError()).isEqualTo(row.attempts() > 1 ? "SendGrid answered HTTP 503" : null);
        });
        int attempts = ids.stream().mapToInt(id -> row(id).attempts()).sum();
        assertThat(attempts).as("every request is one recorded attempt").isEqualTo(requestsMentioning(domain).size());
    }

    private void answer(int status) {
        sendGrid.resetMappings();
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(status)));
    }

    private long pending(String domain) {
        return jdbc.sql("SELECT count(*) FROM email_outbox WHERE to_address LIKE ? AND status = 'PENDING'")
                .param("%@" + domain).query(Long.class).single();
    }

    private static List<Integer> statuses(List<ServeEvent> events) {
        return events.stream().map(event -> event.getResponse().getStatus()).toList();
    }

    private static String recipient(ServeEvent event) {
        return json.readTree(event.getRequest().getBodyAsString()).at("/personalizations/0/to/0/email").asString();
    }
}

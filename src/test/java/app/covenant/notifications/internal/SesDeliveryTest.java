package app.covenant.notifications.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import app.covenant.notifications.SmtpOutboxTestSupport.OutboxRow;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
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

/** {@code EMAIL_PROVIDER=aws_ses} end to end: the exact signed SESv2 SendEmail request, and what SES's answers do. */
@ExtendWith(OutputCaptureExtension.class)
class SesDeliveryTest extends HttpProviderTestSupport {

    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI-secret-key-that-must-never-be-logged";
    private static final String SEND_EMAIL = "/v2/email/outbound-emails";
    private static final WireMockServer ses = startWireMock();
    private static final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void sesProvider(DynamicPropertyRegistry registry) {
        registry.add("covenant.notifications.provider", () -> "aws_ses");
        registry.add("covenant.notifications.from", () -> FROM);
        registry.add("covenant.notifications.ses.region", () -> "eu-west-1");
        registry.add("covenant.notifications.ses.access-key", () -> ACCESS_KEY);
        registry.add("covenant.notifications.ses.secret-key", () -> SECRET_KEY);
        registry.add("covenant.notifications.ses.endpoint", ses::baseUrl);
        registry.add("covenant.notifications.ses.configuration-set", () -> "covenant-events");
        registry.add("covenant.platform.frontend-url", () -> "https://covenant.test");
        registry.add("db-scheduler.enabled", () -> "false");
    }

    @AfterAll
    static void stopSes() {
        ses.stop();
    }

    @Override
    WireMockServer wireMock() {
        return ses;
    }

    @Test
    void sendsOneSignedSendEmailRequestWithSimpleUtf8ContentAndMarksTheMessageSent(CapturedOutput output) {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"MessageId\":\"0102018f-ses-message-id\"}"));
        String to = uniqueAddress("ana");
        MDC.put("traceId", "corr-ses-1");
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
        assertThat(request.getUrl()).isEqualTo(SEND_EMAIL);
        assertThat(request.getHeader("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/")
                .contains("/eu-west-1/ses/aws4_request", "SignedHeaders=", "Signature=")
                .doesNotContain(SECRET_KEY);
        assertThat(request.getHeader("X-Amz-Date")).isNotBlank();
        JsonNode sendEmail = json.readTree(request.getBodyAsString());
        assertThat(sendEmail.path("FromEmailAddress").asString()).isEqualTo(FROM);
        assertThat(sendEmail.at("/Destination/ToAddresses")).hasSize(1);
        assertThat(sendEmail.at("/Destination/ToAddresses/0").asString()).isEqualTo(to);
        assertThat(sendEmail.path("ConfigurationSetName").asString()).isEqualTo("covenant-events");
        JsonNode simple = sendEmail.at("/Content/Simple");
        assertThat(simple.at("/Subject/Data").asString()).isEqualTo("Reset your Covenant password");
        assertThat(simple.at("/Subject/Charset").asString()).isEqualTo("UTF-8");
        assertThat(simple.at("/Body/Text/Charset").asString()).isEqualTo("UTF-8");
        assertThat(simple.at("/Body/Text/Data").asString()).contains("https://covenant.test/reset-password?token=reset-token-");
        assertThat(simple.at("/Body/Html/Charset").asString()).isEqualTo("UTF-8");
        assertThat(simple.at("/Body/Html/Data").asString()).contains("Ana &lt;b&gt;Lima&lt;/b&gt;")
                .contains("href=\"https://covenant.test/reset-password?token=reset-token-");
        assertThat(simple.path("Headers").valueStream().map(header -> header.path("Name").asString() + "=" + header.path("Value").asString()))
                .containsExactly("Auto-Submitted=auto-generated", "X-Correlation-ID=corr-ses-1");

        OutboxRow row = row(id);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();
        assertThat(row.claimed()).isFalse();
        assertThat(output).doesNotContain(SECRET_KEY).doesNotContain("reset-token-");
    }

    @Test
    void aServiceUnavailableAnswerIsRetriedAfterTheBackoffAndThenSentOnce() {
        answer(aResponse().withStatus(503).withHeader("x-amzn-ErrorType", "ServiceUnavailable")
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Service unavailable\"}"));
        String to = uniqueAddress("unavailable");
        UUID id = enqueueCommitted(passwordReset(to));

        await().atMost(Duration.ofSeconds(10)).until(() -> row(id).attempts() == 1);
        OutboxRow failed = row(id);
        assertThat(failed.status()).isEqualTo("PENDING");
        assertThat(failed.lastError()).startsWith("Amazon SES answered HTTP 503").doesNotContain(SECRET_KEY);
        assertThat(failed.nextAttemptAt()).isCloseTo(clock.instant().plus(Duration.ofMinutes(1)), within(15, ChronoUnit.SECONDS));
        assertThat(requestsMentioning(to)).as("the SDK's own retries are off: the outbox decides").hasSize(1);

        answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"MessageId\":\"m-2\"}"));
        clock.advance(Duration.ofMinutes(1).plusSeconds(5));
        sender.sendDue();

        OutboxRow sent = row(id);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(requestsMentioning(to).stream().map(event -> event.getResponse().getStatus())).containsExactly(503, 200);
    }

    @Test
    void aRejectedMessageIsGivenUpAtOnceWithSesReason() {
        answer(aResponse().withStatus(400).withHeader("x-amzn-ErrorType", "MessageRejected")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Email address is not verified. The following identities failed the check\"}"));
        String to = uniqueAddress("rejected");
        UUID id = enqueueCommitted(passwordReset(to));

        await().atMost(Duration.ofSeconds(10)).until(() -> row(id).status().equals("FAILED"));

        OutboxRow row = row(id);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isEqualTo("Amazon SES answered HTTP 400 MessageRejected: Email address is not verified."
                + " The following identities failed the check");
    }

    @Test
    void anUnverifiedSendingDomainIsTheOperatorsToFixSoTheMessageStaysPending(CapturedOutput output) {
        answer(aResponse().withStatus(400).withHeader("x-amzn-ErrorType", "MailFromDomainNotVerifiedException")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"The MAIL FROM domain is not verified\"}"));
        String to = uniqueAddress("domain");
        UUID id = enqueueCommitted(passwordReset(to));

        await().atMost(Duration.ofSeconds(10)).until(() -> row(id).attempts() == 1);

        OutboxRow row = row(id);
        assertThat(row.status()).isEqualTo("PENDING");
        assertThat(row.lastError()).startsWith("Amazon SES answered HTTP 400 MailFromDomainNotVerifiedException");
        assertThat(output).contains("Amazon SES refuses to send").doesNotContain(SECRET_KEY);
    }

    private void answer(ResponseDefinitionBuilder response) {
        ses.resetMappings();
        ses.stubFor(post(SEND_EMAIL).willReturn(response));
    }
}

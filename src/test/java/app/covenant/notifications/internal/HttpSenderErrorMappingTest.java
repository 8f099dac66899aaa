package app.covenant.notifications.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which provider answers give a message up and which keep it for a retry, answer by answer, for both
 * HTTP providers (without the application: the senders alone against WireMock).
 */
class HttpSenderErrorMappingTest {

    private static final WireMockServer server = HttpProviderTestSupport.startWireMock();
    private static final EmailEnvelope ENVELOPE = new EmailEnvelope(UUID.randomUUID(), "ana@example.test", "Subject",
            "text", "<p>html</p>", null);

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest(name = "SendGrid HTTP {0} -> permanent {1}")
    @CsvSource({"400, true", "413, true", "401, false", "403, false", "404, false", "429, false", "500, false", "503, false"})
    void sendGridGivesUpOnlyWhatIsTheMessagesFault(int status, boolean permanent) {
        server.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(status)));
        SendGridEmailSender sender = new SendGridEmailSender(properties(URI.create(server.baseUrl()), null));

        assertThatThrownBy(() -> sender.send(ENVELOPE)).isInstanceOfSatisfying(EmailDeliveryException.class, e -> {
            assertThat(e.isPermanent()).isEqualTo(permanent);
            assertThat(e.getMessage()).contains(String.valueOf(status)).doesNotContain("SG.unit-key");
        });
    }

    @ParameterizedTest(name = "SES HTTP {0} {1} -> permanent {2}")
    @CsvSource({
            "400, MessageRejected,                    true",
            "400, BadRequestException,                true",
            "400, MailFromDomainNotVerifiedException, false",
            "400, AccountSuspendedException,          false",
            "400, SendingPausedException,             false",
            "429, TooManyRequestsException,           false",
            "400, LimitExceededException,             false",
            "403, UnrecognizedClientException,        false",
            "404, NotFoundException,                  false",
            "500, InternalFailure,                    false",
            "503, ServiceUnavailable,                 false"})
    void sesGivesUpOnlyWhatIsTheMessagesFault(int status, String errorType, boolean permanent) {
        answerSes(aResponse().withStatus(status).withHeader("x-amzn-ErrorType", errorType)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"refused\"}"));
        SesEmailSender sender = new SesEmailSender(properties(null, URI.create(server.baseUrl())));
        try {
            assertThatThrownBy(() -> sender.send(ENVELOPE)).isInstanceOfSatisfying(EmailDeliveryException.class, e -> {
                assertThat(e.isPermanent()).isEqualTo(permanent);
                assertThat(e.getMessage()).startsWith("Amazon SES answered HTTP " + status).doesNotContain("unit-secret");
            });
        } finally {
            sender.destroy();
        }
    }

    @ParameterizedTest(name = "{0} unreachable -> retried")
    @CsvSource({"sendgrid", "ses"})
    void anUnreachableProviderIsRetried(String provider) {
        URI nothingListens = URI.create("http://127.0.0.1:" + app.covenant.notifications.SmtpOutboxTestSupport.freePort());
        EmailSender sender = provider.equals("sendgrid") ? new SendGridEmailSender(properties(nothingListens, null))
                : new SesEmailSender(properties(null, nothingListens));

        assertThatThrownBy(() -> sender.send(ENVELOPE)).isInstanceOfSatisfying(EmailDeliveryException.class, e -> {
            assertThat(e.isPermanent()).isFalse();
            assertThat(e.getMessage()).contains("not reachable");
        });
    }

    private static void answerSes(ResponseDefinitionBuilder response) {
        server.stubFor(post("/v2/email/outbound-emails").willReturn(response));
    }

    private static NotificationsProperties properties(URI sendGrid, URI ses) {
        return new NotificationsProperties(
                sendGrid != null ? EmailProvider.SENDGRID : EmailProvider.AWS_SES,
                "Covenant <no-reply@covenant.test>",
                new NotificationsProperties.Smtp(null, 587, null, null, true, Duration.ofSeconds(5), Duration.ofSeconds(5)),
                new NotificationsProperties.SendGrid("SG.unit-key", sendGrid == null ? URI.create("https://api.sendgrid.com") : sendGrid,
                        Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new NotificationsProperties.Ses("us-east-1", "AKIAUNITTEST", "unit-secret", ses, null, Duration.ofSeconds(5)),
                new NotificationsProperties.Delivery(10, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(30), 50,
                        Duration.ofMinutes(5), 4, 8),
                new NotificationsProperties.Retention(180, 30, "0 50 3 * * *", 1000));
    }
}

package app.covenant.notifications.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.notifications.OutgoingEmail;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The attachments of a message as each HTTP provider's request carries them (the senders alone against WireMock). */
class HttpSenderAttachmentsTest {

    private static final WireMockServer server = HttpProviderTestSupport.startWireMock();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final byte[] PDF = "%PDF-1.7 a completed agreement".getBytes(StandardCharsets.US_ASCII);
    private static final EmailEnvelope ENVELOPE = new EmailEnvelope(UUID.randomUUID(), "ana@example.test", "Completed",
            "text", "<p>html</p>", null, List.of(new OutgoingEmail.Attachment("Agreement - signed.pdf",
            "application/pdf", PDF)));

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void sendGridSendsEachFileBase64WithItsTypeNameAndDisposition() {
        server.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202)));
        new SendGridEmailSender(properties(URI.create(server.baseUrl()), null)).send(ENVELOPE);

        JsonNode attachments = onlyRequest().path("attachments");
        assertThat(attachments.size()).isEqualTo(1);
        JsonNode file = attachments.get(0);
        assertThat(file.get("filename").asString()).isEqualTo("Agreement - signed.pdf");
        assertThat(file.get("type").asString()).isEqualTo("application/pdf");
        assertThat(file.get("disposition").asString()).isEqualTo("attachment");
        assertThat(Base64.getDecoder().decode(file.get("content").asString())).isEqualTo(PDF);
    }

    @Test
    void sendGridSendsNoAttachmentsFieldForAMessageWithoutFiles() {
        server.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202)));
        new SendGridEmailSender(properties(URI.create(server.baseUrl()), null)).send(new EmailEnvelope(UUID.randomUUID(),
                "ana@example.test", "Hello", "text", "<p>html</p>", null));

        assertThat(onlyRequest().has("attachments")).isFalse();
    }

    @Test
    void sesSendsEachFileAsAnAttachmentOfTheSimpleMessage() {
        server.stubFor(post("/v2/email/outbound-emails").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"MessageId\":\"ses-1\"}")));
        SesEmailSender sender = new SesEmailSender(properties(null, URI.create(server.baseUrl())));
        try {
            sender.send(ENVELOPE);
        } finally {
            sender.destroy();
        }

        JsonNode simple = onlyRequest().path("Content").path("Simple");
        assertThat(simple.path("Body").path("Html").path("Data").asString()).isEqualTo("<p>html</p>");
        JsonNode attachments = simple.path("Attachments");
        assertThat(attachments.size()).isEqualTo(1);
        JsonNode file = attachments.get(0);
        assertThat(file.get("FileName").asString()).isEqualTo("Agreement - signed.pdf");
        assertThat(file.get("ContentType").asString()).isEqualTo("application/pdf");
        assertThat(file.get("ContentDisposition").asString()).isEqualTo("ATTACHMENT");
        assertThat(file.get("ContentTransferEncoding").asString()).isEqualTo("BASE64");
        assertThat(Base64.getDecoder().decode(file.get("RawContent").asString())).isEqualTo(PDF);
    }

    @Test
    void anEnvelopePrintsNoContent() {
        assertThat(ENVELOPE.toString()).doesNotContain("PDF-1.7");
        assertThat(ENVELOPE.attachments().getFirst().toString()).doesNotContain("PDF-1.7").contains("30 bytes");
    }

    private static JsonNode onlyRequest() {
        List<LoggedRequest> requests = server.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        assertThat(requests).hasSize(1);
        return json.readTree(requests.getFirst().getBodyAsString());
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

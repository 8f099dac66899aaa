package app.covenant.notifications.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.mail.internet.InternetAddress;
import java.net.http.HttpClient;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends through SendGrid's v3 Mail Send API ({@code POST /v3/mail/send}) with Spring's {@link RestClient}
 * on the JDK HTTP client, with connect and read timeouts.
 *
 * <p>Which refusals are the message's fault decides between retrying and giving up. Only {@code 400}
 * (the request for this message is malformed, typically the recipient address) and {@code 413} (the
 * message is too large) fail for good. A rejected key ({@code 401}/{@code 403}) is the operator's to fix,
 * not the message's: such messages stay pending and go out once the key is right, and one ERROR line per
 * outage says so. Throttling, server errors and network failures are retried with the outbox's backoff.
 */
class SendGridEmailSender implements EmailSender {

    private static final Logger log = LoggerFactory.getLogger(SendGridEmailSender.class);
    private static final Pattern SAFE_HEADER_VALUE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final int MAX_REASON_LENGTH = 200;

    private final RestClient client;
    private final Address from;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicBoolean keyRejected = new AtomicBoolean();

    SendGridEmailSender(NotificationsProperties properties) {
        NotificationsProperties.SendGrid sendgrid = properties.sendgrid();
        // HTTP/2 where TLS negotiates it; over plain http (a local relay, a test server) no h2c upgrade
        // attempt, which many servers and proxies answer by closing the connection.
        HttpClient.Version version = "https".equalsIgnoreCase(sendgrid.baseUrl().getScheme())
                ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
        HttpClient http = HttpClient.newBuilder().version(version).connectTimeout(sendgrid.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(sendgrid.timeout());
        this.client = RestClient.builder()
                .requestFactory(requests)
                .baseUrl(sendgrid.baseUrl().toString())
                .defaultHeaders(headers -> headers.setBearerAuth(sendgrid.apiKey()))
                .build();
        InternetAddress sender = FromAddress.parse(properties.from());
        this.from = new Address(sender.getAddress(), sender.getPersonal());
    }

    @Override
    public void send(EmailEnvelope envelope) {
        Answer answer;
        try {
            answer = client.post().uri("/v3/mail/send")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(mailOf(envelope))
                    .exchange((request, response) -> new Answer(response.getStatusCode(),
                            response.getStatusCode().isError() ? response.getBody().readNBytes(4096) : new byte[0]), true);
        } catch (ResourceAccessException e) {
            throw new EmailDeliveryException("SendGrid not reachable: " + e.getMostSpecificCause().getClass().getSimpleName(), false, e);
        } catch (RestClientException e) {
            throw new EmailDeliveryException("SendGrid request failed: " + e.getClass().getSimpleName(), false, e);
        }
        handle(answer);
    }

    private void handle(Answer answer) {
        HttpStatusCode status = answer.status();
        if (status.is2xxSuccessful()) {
            if (keyRejected.compareAndSet(true, false)) {
                log.info("SendGrid accepts SENDGRID_API_KEY again; pending e-mail is being delivered");
            }
            return;
        }
        int code = status.value();
        if (code == 401 || code == 403) {
            if (keyRejected.compareAndSet(false, true)) {
                log.error("SendGrid refused SENDGRID_API_KEY (HTTP {}): e-mail stays pending until the key is fixed"
                        + " (it needs the \"Mail Send\" permission)", code);
            }
            throw new EmailDeliveryException("SendGrid refused the API key (HTTP " + code + "); check SENDGRID_API_KEY", false, null);
        }
        boolean permanent = code == 400 || code == 413;
        String reason = reasonOf(answer.body());
        throw new EmailDeliveryException("SendGrid answered HTTP " + code + (reason.isEmpty() ? "" : ": " + reason), permanent, null);
    }

    /** SendGrid's own explanation ({@code errors[0].field} and {@code .message}): names a field, never echoes the key or body. */
    private String reasonOf(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        try {
            JsonNode first = json.readTree(body).path("errors").path(0);
            String field = first.path("field").asString("");
            String message = first.path("message").asString("");
            String reason = (field.isEmpty() ? "" : field + ": ") + message;
            return reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private Mail mailOf(EmailEnvelope envelope) {
        Map<String, String> headers = Map.of("Auto-Submitted", "auto-generated");
        if (envelope.correlationId() != null && SAFE_HEADER_VALUE.matcher(envelope.correlationId()).matches()) {
            headers = Map.of("Auto-Submitted", "auto-generated", "X-Correlation-ID", envelope.correlationId());
        }
        return new Mail(
                List.of(new Personalization(List.of(new Address(envelope.to(), null)))),
                from,
                envelope.subject(),
                // text/plain must come first: SendGrid refuses any other order.
                List.of(new Content("text/plain", envelope.text()), new Content("text/html", envelope.html())),
                headers,
                // Ties SendGrid's event webhooks and activity feed to the outbox row.
                Map.of("outbox_id", envelope.id().toString()),
                envelope.attachments().isEmpty() ? null : envelope.attachments().stream()
                        .map(file -> new Attachment(Base64.getEncoder().encodeToString(file.content()),
                                file.contentType(), file.filename(), "attachment")).toList());
    }

    private record Answer(HttpStatusCode status, byte[] body) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Mail(List<Personalization> personalizations, Address from, String subject, List<Content> content,
                Map<String, String> headers, @JsonProperty("custom_args") Map<String, String> customArgs,
                List<Attachment> attachments) {
    }

    /** A file as SendGrid takes it: base64 content, its MIME type, name and disposition. */
    record Attachment(String content, String type, String filename, String disposition) {

        @Override
        public String toString() {
            return "Attachment[" + filename + "]";
        }
    }

    record Personalization(List<Address> to) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Address(String email, String name) {
    }

    record Content(String type, String value) {
    }
}

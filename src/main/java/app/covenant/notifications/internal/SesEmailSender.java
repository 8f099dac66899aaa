package app.covenant.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.Attachment;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentDisposition;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentTransferEncoding;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;

/**
 * Sends through Amazon SES with the AWS SDK v2 {@code SESv2} client ({@code SendEmail}) on the synchronous
 * Apache 5 HTTP client (the SDK's default, found on the classpath at run time).
 *
 * <p>Simple content rather than raw MIME: SES builds the multipart/alternative message itself from the
 * subject, the two bodies and the attachments (SDK {@code Attachment}s, base64 on the wire), and the v2 API takes our extra headers ({@code Auto-Submitted},
 * {@code X-Correlation-ID}) and a reply-to list beside them, so there is no MIME of our own to get wrong.
 * SES assigns the Message-ID; it comes back in the answer and is logged at DEBUG.
 *
 * <p>Giving up is for faults of the message alone: {@code MessageRejected} (SES refused its content or
 * recipient) and {@code BadRequest} (the request for this message is invalid, e.g. its address). An
 * unverified sending domain ({@code MailFromDomainNotVerified}), a paused or suspended account, refused
 * credentials, throttling, quotas, server errors and network failures are the operator's or the moment's
 * to fix: the message stays pending and is retried with the outbox's backoff. The SDK's own retries are
 * off, so a failing call returns at once and the outbox decides when to try again.
 */
class SesEmailSender implements EmailSender, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SesEmailSender.class);
    private static final Pattern SAFE_HEADER_VALUE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Set<Integer> CREDENTIAL_REFUSALS = Set.of(401, 403);
    private static final int MAX_REASON_LENGTH = 200;

    private final SesV2Client client;
    private final String from;
    private final String configurationSet;
    private final AtomicBoolean operatorProblem = new AtomicBoolean();

    SesEmailSender(NotificationsProperties properties) {
        NotificationsProperties.Ses ses = properties.ses();
        SesV2ClientBuilder builder = SesV2Client.builder()
                .region(Region.of(ses.region()))
                .credentialsProvider(credentials(ses))
                // The HTTP client is the SDK's sync default found at run time (Apache 5, the only one on the
                // classpath); the call timeouts bound connecting and reading alike.
                .overrideConfiguration(config -> config.apiCallTimeout(ses.timeout()).apiCallAttemptTimeout(ses.timeout())
                        .retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (ses.endpoint() != null) {
            builder.endpointOverride(ses.endpoint());
        }
        this.client = builder.build();
        // toString() encodes a non-ASCII display name (RFC 2047), as SES requires.
        this.from = FromAddress.parse(properties.from()).toString();
        this.configurationSet = ses.configurationSet() == null || ses.configurationSet().isBlank()
                ? null : ses.configurationSet();
    }

    private static AwsCredentialsProvider credentials(NotificationsProperties.Ses ses) {
        if (ses.hasStaticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(ses.accessKey(), ses.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public void send(EmailEnvelope envelope) {
        String messageId;
        try {
            messageId = client.sendEmail(requestFor(envelope)).messageId();
        } catch (MessageRejectedException | BadRequestException e) {
            throw new EmailDeliveryException(describe(e), true, e);
        } catch (AwsServiceException e) {
            if (isOperatorProblem(e) && operatorProblem.compareAndSet(false, true)) {
                log.error("Amazon SES refuses to send ({}): e-mail stays pending until the account, the sending identity"
                        + " or AWS_SES_ACCESS_KEY/AWS_SES_SECRET_KEY are fixed", describe(e));
            }
            throw new EmailDeliveryException(describe(e), false, e);
        } catch (SdkException e) {
            throw new EmailDeliveryException("Amazon SES not reachable: " + e.getClass().getSimpleName(), false, e);
        }
        if (operatorProblem.compareAndSet(true, false)) {
            log.info("Amazon SES accepts e-mail again; pending e-mail is being delivered");
        }
        log.debug("E-mail {} accepted by Amazon SES as {}", envelope.id(), messageId);
    }

    private SendEmailRequest requestFor(EmailEnvelope envelope) {
        List<MessageHeader> headers = new ArrayList<>();
        headers.add(MessageHeader.builder().name("Auto-Submitted").value("auto-generated").build());
        if (envelope.correlationId() != null && SAFE_HEADER_VALUE.matcher(envelope.correlationId()).matches()) {
            headers.add(MessageHeader.builder().name("X-Correlation-ID").value(envelope.correlationId()).build());
        }
        return SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(destination -> destination.toAddresses(envelope.to()))
                .content(content -> content.simple(message -> message
                        .subject(utf8(envelope.subject()))
                        .body(body -> body.text(utf8(envelope.text())).html(utf8(envelope.html())))
                        .headers(headers)
                        .attachments(attachmentsOf(envelope))))
                .configurationSetName(configurationSet)
                .build();
    }

    /** The simple message's attachments (SES builds the multipart/mixed message and encodes them in base64). */
    private static List<Attachment> attachmentsOf(EmailEnvelope envelope) {
        return envelope.attachments().stream().map(file -> Attachment.builder()
                .fileName(file.filename())
                .contentType(file.contentType())
                .contentDisposition(AttachmentContentDisposition.ATTACHMENT)
                .contentTransferEncoding(AttachmentContentTransferEncoding.BASE64)
                .rawContent(SdkBytes.fromByteArray(file.content()))
                .build()).toList();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(StandardCharsets.UTF_8.name()).build();
    }

    /** The account, the identity or the credentials: nothing a retry of this message alone would change. */
    private static boolean isOperatorProblem(AwsServiceException e) {
        return CREDENTIAL_REFUSALS.contains(e.statusCode()) || e instanceof MailFromDomainNotVerifiedException
                || e instanceof AccountSuspendedException || e instanceof SendingPausedException;
    }

    /** SES's error code, HTTP status and message; the request (body, credentials) is never part of it. */
    private static String describe(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        String reason = message == null ? "" : ": " + message;
        if (reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH);
        }
        return "Amazon SES answered HTTP " + e.statusCode() + " " + (code == null ? e.getClass().getSimpleName() : code) + reason;
    }

    @Override
    public void destroy() {
        client.close();
    }
}

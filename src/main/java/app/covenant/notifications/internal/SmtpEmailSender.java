package app.covenant.notifications.internal;

import app.covenant.notifications.OutgoingEmail;
import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Part;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.regex.Pattern;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;

/**
 * Sends through an SMTP server with Jakarta Mail: STARTTLS (required, never a silent fall-back to clear
 * text) unless {@code SMTP_STARTTLS=false}, authentication when {@code SMTP_USER} is set, timeouts so a
 * dead server cannot hold a sender for long, and connections reused across messages ({@link SmtpConnections}).
 *
 * <p>No Spring {@code JavaMailSender} bean: as a bean, Spring Boot would add an SMTP health check, and an
 * SMTP outage would take every node out of the load balancer — the opposite of an outbox. And once the
 * server has accepted a message, nothing that follows (a failed QUIT) may report it as failed: the outbox
 * would send it again.
 */
class SmtpEmailSender implements EmailSender, DisposableBean {

    private static final Pattern SAFE_HEADER_VALUE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    // Servers cap messages per connection (100 is below the common limits).
    private static final int MESSAGES_PER_CONNECTION = 100;

    private final Session session;
    private final SmtpConnections connections;
    private final InternetAddress from;
    private final String messageIdDomain;

    SmtpEmailSender(NotificationsProperties properties) {
        NotificationsProperties.Smtp smtp = properties.smtp();
        Properties javaMail = new Properties();
        javaMail.put("mail.smtp.auth", String.valueOf(smtp.username() != null && !smtp.username().isBlank()));
        javaMail.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
        javaMail.put("mail.smtp.starttls.required", String.valueOf(smtp.starttls()));
        javaMail.put("mail.smtp.connectiontimeout", String.valueOf(smtp.connectTimeout().toMillis()));
        javaMail.put("mail.smtp.timeout", String.valueOf(smtp.timeout().toMillis()));
        javaMail.put("mail.smtp.writetimeout", String.valueOf(smtp.timeout().toMillis()));
        this.session = Session.getInstance(javaMail);
        // One per sender-job worker, plus a couple for the after-commit path.
        int idleConnections = properties.delivery().concurrency() + 2;
        this.connections = new SmtpConnections(session, smtp, idleConnections, MESSAGES_PER_CONNECTION);
        this.from = FromAddress.parse(properties.from());
        this.messageIdDomain = FromAddress.domainOf(from);
    }

    @Override
    public void send(EmailEnvelope envelope) {
        MimeMessage message;
        try {
            message = toMime(envelope);
        } catch (MessagingException e) {
            throw new EmailDeliveryException("Message could not be built: " + e.getClass().getSimpleName(), true, e);
        }
        try {
            sendOnce(message);
        } catch (StaleConnectionException stale) {
            // The server closed the kept connection (restart, idle limit), and likely the other idle ones
            // too: one try on a fresh connection tells a stale socket from an outage.
            connections.close();
            try {
                sendOnce(message);
            } catch (StaleConnectionException again) {
                throw failure(again.failure);
            }
        }
    }

    private void sendOnce(MimeMessage message) {
        SmtpConnections.Connection connection;
        try {
            connection = connections.take();
        } catch (AuthenticationFailedException e) {
            throw new EmailDeliveryException("SMTP authentication failed (check SMTP_USER and SMTP_PASS)", false, e);
        } catch (MessagingException e) {
            throw new EmailDeliveryException(describe(e), false, e);
        }
        try {
            connection.transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            // The connection's state is unknown after a failure: never reuse it.
            connection.close();
            if (connection.wasUsedBefore() && !(e instanceof SendFailedException)) {
                throw new StaleConnectionException(e);
            }
            throw failure(e);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        connections.giveBack(connection);
    }

    private static EmailDeliveryException failure(MessagingException e) {
        return new EmailDeliveryException(describe(e), isRecipientRejected(e), e);
    }

    @Override
    public void destroy() {
        connections.close();
    }

    private MimeMessage toMime(EmailEnvelope envelope) throws MessagingException {
        try {
            return mime(envelope);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 unsupported", e);
        }
    }

    private MimeMessage mime(EmailEnvelope envelope) throws MessagingException, java.io.UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // Stable per outbox row: if a crash makes us send a message twice, receivers can drop the copy.
                setHeader("Message-ID", "<" + envelope.id() + "@" + messageIdDomain + ">");
            }
        };
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(envelope.to(), true));
        message.setSubject(envelope.subject(), StandardCharsets.UTF_8.name());
        // RFC 3834: an automatic message; out-of-office replies should not answer it.
        message.setHeader("Auto-Submitted", "auto-generated");
        if (envelope.correlationId() != null && SAFE_HEADER_VALUE.matcher(envelope.correlationId()).matches()) {
            message.setHeader("X-Correlation-ID", envelope.correlationId());
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(envelope.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(envelope.html(), StandardCharsets.UTF_8.name(), "html");
        // Plain text first: clients show the last alternative they can render, so HTML wins where it can.
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        if (envelope.attachments().isEmpty()) {
            message.setContent(alternatives);
        } else {
            // multipart/mixed: the two bodies as one alternative part, then each file.
            MimeBodyPart bodies = new MimeBodyPart();
            bodies.setContent(alternatives);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(bodies);
            for (OutgoingEmail.Attachment attachment : envelope.attachments()) {
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(),
                        attachment.contentType())));
                file.setFileName(MimeUtility.encodeText(attachment.filename(), StandardCharsets.UTF_8.name(), null));
                file.setDisposition(Part.ATTACHMENT);
                mixed.addBodyPart(file);
            }
            message.setContent(mixed);
        }
        message.setSentDate(new Date());
        message.saveChanges();
        return message;
    }

    /** A 5xx refusal of the recipient: retrying the same address cannot succeed. */
    private static boolean isRecipientRejected(MessagingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SendFailedException rejected && rejected.getInvalidAddresses() != null
                    && rejected.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    /** A kept connection failed: most likely the server had closed it while it sat idle. */
    private static final class StaleConnectionException extends RuntimeException {

        private final transient MessagingException failure;

        private StaleConnectionException(MessagingException failure) {
            super(null, failure, false, false);
            this.failure = failure;
        }
    }

    private static String describe(MessagingException e) {
        Throwable specific = NestedExceptionUtils.getMostSpecificCause(e);
        String reason = specific.getMessage() == null ? "" : ": " + specific.getMessage();
        return "SMTP delivery failed: " + specific.getClass().getSimpleName() + reason;
    }
}

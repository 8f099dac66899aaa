package app.covenant.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through an SMTP server with Spring's {@link JavaMailSenderImpl}: STARTTLS (required, never a
 * silent fall-back to clear text) unless {@code SMTP_STARTTLS=false}, authentication when {@code SMTP_USER}
 * is set, and timeouts so a dead server cannot hold a sender for long.
 *
 * <p>The mail sender is private rather than a bean: as a bean, Spring Boot would add an SMTP health check,
 * and an SMTP outage would take every node out of the load balancer — the opposite of an outbox.
 */
class SmtpEmailSender implements EmailSender {

    private static final Pattern SAFE_HEADER_VALUE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final JavaMailSenderImpl mail = new JavaMailSenderImpl();
    private final InternetAddress from;
    private final String messageIdDomain;

    SmtpEmailSender(NotificationsProperties properties) {
        NotificationsProperties.Smtp smtp = properties.smtp();
        mail.setHost(smtp.host());
        mail.setPort(smtp.port());
        mail.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties javaMail = mail.getJavaMailProperties();
        if (smtp.username() != null && !smtp.username().isBlank()) {
            mail.setUsername(smtp.username());
            mail.setPassword(smtp.password());
            javaMail.put("mail.smtp.auth", "true");
        }
        javaMail.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
        javaMail.put("mail.smtp.starttls.required", String.valueOf(smtp.starttls()));
        javaMail.put("mail.smtp.connectiontimeout", String.valueOf(smtp.connectTimeout().toMillis()));
        javaMail.put("mail.smtp.timeout", String.valueOf(smtp.timeout().toMillis()));
        javaMail.put("mail.smtp.writetimeout", String.valueOf(smtp.timeout().toMillis()));
        try {
            this.from = new InternetAddress(properties.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("EMAIL_FROM is not a valid address", e);
        }
        String address = from.getAddress();
        this.messageIdDomain = address.substring(address.indexOf('@') + 1);
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
            mail.send(message);
        } catch (MailAuthenticationException e) {
            throw new EmailDeliveryException("SMTP authentication failed (check SMTP_USER and SMTP_PASS)", false, e);
        } catch (MailException e) {
            throw new EmailDeliveryException(describe(e), isRecipientRejected(e), e);
        }
    }

    private MimeMessage toMime(EmailEnvelope envelope) throws MessagingException {
        MimeMessage message = new MimeMessage(mail.getSession()) {
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
        message.setContent(alternatives);
        return message;
    }

    /** A 5xx refusal of the recipient: retrying the same address cannot succeed. */
    private static boolean isRecipientRejected(MailException e) {
        if (e instanceof MailSendException send) {
            for (Exception failure : send.getMessageExceptions()) {
                for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                    if (cause instanceof SendFailedException rejected && rejected.getInvalidAddresses() != null
                            && rejected.getInvalidAddresses().length > 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String describe(MailException e) {
        Throwable cause = e;
        if (e instanceof MailSendException send && send.getMessageExceptions().length > 0) {
            cause = send.getMessageExceptions()[0];
        }
        Throwable specific = NestedExceptionUtils.getMostSpecificCause(cause);
        String reason = specific.getMessage() == null ? "" : ": " + specific.getMessage();
        return "SMTP delivery failed: " + specific.getClass().getSimpleName() + reason;
    }
}

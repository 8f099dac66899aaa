package app.covenant.notifications.internal;

import app.covenant.notifications.OutgoingEmail;
import java.util.List;
import java.util.UUID;

/**
 * What a provider needs to send one stored message.
 *
 * @param id            the outbox id, used as the Message-ID so a receiver can drop a duplicate
 * @param correlationId the request that caused the message, sent as {@code X-Correlation-ID}
 * @param attachments   files sent with it, in order; never null
 */
record EmailEnvelope(UUID id, String to, String subject, String text, String html, String correlationId,
                     List<OutgoingEmail.Attachment> attachments) {

    EmailEnvelope {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    EmailEnvelope(UUID id, String to, String subject, String text, String html, String correlationId) {
        this(id, to, subject, text, html, correlationId, List.of());
    }

    @Override
    public String toString() {
        // The bodies hold single-use links: keep them out of any log line that prints an envelope.
        return "EmailEnvelope[id=" + id + "]";
    }
}

package app.covenant.notifications.internal;

import app.covenant.notifications.OutgoingEmail;
import java.util.List;
import java.util.UUID;

/**
 * A message of the {@code email_outbox} table as a sender needs it. Written once; its delivery state then
 * changes only through the guarded statements of {@link OutboxRows}, so two nodes never both own it. A bulk
 * message has no bodies until it is rendered from its {@code template} and {@code modelJson}.
 */
record OutboxMessage(UUID id, String toAddress, String subject, String bodyText, String bodyHtml, int attempts,
                     String correlationId, boolean holdsLiveLink, String template, String modelJson) {

    boolean rendered() {
        return bodyText != null && bodyHtml != null;
    }

    OutboxMessage withBodies(RenderedEmail bodies) {
        return new OutboxMessage(id, toAddress, subject, bodies.text(), bodies.html(), attempts, correlationId,
                holdsLiveLink, template, null);
    }

    EmailEnvelope envelope(List<OutgoingEmail.Attachment> attachments) {
        return new EmailEnvelope(id, toAddress, subject, bodyText, bodyHtml, correlationId, attachments);
    }
}

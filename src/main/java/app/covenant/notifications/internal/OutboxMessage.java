package app.covenant.notifications.internal;

import java.util.UUID;

/**
 * A message of the {@code email_outbox} table as a sender needs it. Written once; its delivery state then
 * changes only through the guarded statements of {@link OutboxRows}, so two nodes never both own it.
 */
record OutboxMessage(UUID id, String toAddress, String subject, String bodyText, String bodyHtml, int attempts,
                     String correlationId, boolean holdsLiveLink) {

    EmailEnvelope envelope() {
        return new EmailEnvelope(id, toAddress, subject, bodyText, bodyHtml, correlationId);
    }
}

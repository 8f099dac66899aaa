package app.covenant.notifications.internal;

import java.util.UUID;

/**
 * What a provider needs to send one stored message.
 *
 * @param id            the outbox id, used as the Message-ID so a receiver can drop a duplicate
 * @param correlationId the request that caused the message, sent as {@code X-Correlation-ID}
 */
record EmailEnvelope(UUID id, String to, String subject, String text, String html, String correlationId) {

    @Override
    public String toString() {
        // The bodies hold single-use links: keep them out of any log line that prints an envelope.
        return "EmailEnvelope[id=" + id + "]";
    }
}

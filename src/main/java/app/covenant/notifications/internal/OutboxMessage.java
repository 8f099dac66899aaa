package app.covenant.notifications.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * A rendered message in the {@code email_outbox} table. Written once; its delivery state then changes
 * only through the guarded updates of {@link OutboxMessageRepository}, so two nodes never both own it.
 */
@Entity
@Table(name = "email_outbox")
class OutboxMessage implements Persistable<UUID> {

    @Id
    private UUID id;
    private UUID organizationId;
    private String toAddress;
    private String subject;
    private String bodyText;
    private String bodyHtml;
    private String template;
    @Enumerated(EnumType.STRING)
    private OutboxStatus status;
    private int attempts;
    private String lastError;
    private Instant nextAttemptAt;
    private Instant createdAt;
    private Instant sentAt;
    private String correlationId;
    private UUID claimToken;
    private boolean holdsLiveLink;

    // The id is assigned before insert, so Spring Data needs to be told the row is new (no SELECT first).
    @Transient
    private boolean isNew;

    protected OutboxMessage() {
    }

    static OutboxMessage pending(UUID id, UUID organizationId, String toAddress, String template,
                                 RenderedEmail rendered, boolean holdsLiveLink, String correlationId,
                                 Instant now) {
        OutboxMessage message = new OutboxMessage();
        message.id = id;
        message.organizationId = organizationId;
        message.toAddress = toAddress;
        message.template = template;
        message.subject = rendered.subject();
        message.bodyText = rendered.text();
        message.bodyHtml = rendered.html();
        message.status = OutboxStatus.PENDING;
        message.nextAttemptAt = now;
        message.createdAt = now;
        message.correlationId = correlationId;
        message.holdsLiveLink = holdsLiveLink;
        message.isNew = true;
        return message;
    }

    EmailEnvelope envelope() {
        return new EmailEnvelope(id, toAddress, subject, bodyText, bodyHtml, correlationId);
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    @PostLoad
    void markStored() {
        isNew = false;
    }

    int attempts() {
        return attempts;
    }

    String correlationId() {
        return correlationId;
    }

    boolean holdsLiveLink() {
        return holdsLiveLink;
    }
}

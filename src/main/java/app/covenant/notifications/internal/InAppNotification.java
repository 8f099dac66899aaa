package app.covenant.notifications.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row under a user's bell. Written in batches by {@link NotificationWriter}; read and marked read here. */
@Entity
@Table(name = "notifications")
class InAppNotification {

    @Id
    private UUID id;
    private UUID userId;
    private UUID organizationId;
    private String type;
    private String title;
    private String message;
    private String link;
    private String onceKey;
    private Instant createdAt;
    private Instant readAt;

    protected InAppNotification() {
    }

    UUID id() {
        return id;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }

    String message() {
        return message;
    }

    String link() {
        return link;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant readAt() {
        return readAt;
    }
}

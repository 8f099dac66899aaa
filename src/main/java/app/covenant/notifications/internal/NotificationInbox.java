package app.covenant.notifications.internal;

import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own notifications in the organization they work in: the list, the bell's count, marking
 * read. Someone else's notification (or one of another organization) is {@code 404}, never revealed.
 */
@Service
public class NotificationInbox {

    /** A notification as the API and the pages show it. */
    public record NotificationView(UUID id, String type, String title, String message, String link, boolean read,
                                   Instant createdAt, Instant readAt) {
    }

    private final InAppNotificationRows notifications;
    private final NotificationTypes types;
    private final Clock clock;

    NotificationInbox(InAppNotificationRows notifications, NotificationTypes types, Clock clock) {
        this.notifications = notifications;
        this.types = types;
        this.clock = clock;
    }

    /** Newest first; {@code type} must be a known type code or {@code null}. */
    @Transactional(readOnly = true)
    public Page<NotificationView> list(Caller caller, boolean unreadOnly, String type, Pageable pageable) {
        String filter = type == null || type.isBlank() ? null : type.trim();
        if (filter != null && types.find(filter).isEmpty()) {
            throw ProblemException.invalid("type", "is not a notification type");
        }
        // The order is the query's own (newest first); a client's sort= is not offered.
        Pageable page = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
        return notifications.page(caller.userId(), caller.organizationId(), unreadOnly, filter, page);
    }

    @Transactional(readOnly = true)
    public long unreadCount(Caller caller) {
        return notifications.countUnread(caller.userId(), caller.organizationId());
    }

    /** Marks one read; marking a read one again changes nothing. */
    @Transactional
    public NotificationView markRead(Caller caller, UUID id) {
        notifications.markRead(id, caller.userId(), caller.organizationId(), clock.instant());
        return notifications.find(id, caller.userId(), caller.organizationId())
                .orElseThrow(() -> ProblemException.notFound("Notification"));
    }

    /** @return how many were unread */
    @Transactional
    public int markAllRead(Caller caller) {
        return notifications.markAllRead(caller.userId(), caller.organizationId(), clock.instant());
    }
}

package app.covenant.notifications.web;

import app.covenant.notifications.internal.NotificationInbox;
import app.covenant.notifications.internal.NotificationInbox.NotificationView;
import app.covenant.notifications.internal.NotificationPreferences;
import app.covenant.notifications.internal.NotificationPreferences.Change;
import app.covenant.notifications.internal.NotificationPreferences.Preference;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/notifications}: one's own notifications in the current organization, and one's preferences. */
@RestController
@RequestMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
class NotificationController {

    private final NotificationInbox inbox;
    private final NotificationPreferences preferences;

    NotificationController(NotificationInbox inbox, NotificationPreferences preferences) {
        this.inbox = inbox;
        this.preferences = preferences;
    }

    @PreAuthorize("hasAuthority('notification:read')")
    @Operation(summary = "List one's notifications")
    @GetMapping
    Page<NotificationView> list(@AuthenticationPrincipal Caller caller,
                                @RequestParam(defaultValue = "false") boolean unread,
                                @RequestParam(required = false) String type, Pageable pageable) {
        return inbox.list(caller, unread, type, pageable);
    }

    @PreAuthorize("hasAuthority('notification:read')")
    @Operation(summary = "Count one's unread notifications")
    @GetMapping("/unread-count")
    Map<String, Long> unreadCount(@AuthenticationPrincipal Caller caller) {
        return Map.of("unread", inbox.unreadCount(caller));
    }

    @PreAuthorize("hasAuthority('notification:read')")
    @Operation(summary = "Mark a notification read")
    @PostMapping("/{id}/read")
    NotificationView markRead(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return inbox.markRead(caller, id);
    }

    @PreAuthorize("hasAuthority('notification:read')")
    @Operation(summary = "Mark all one's notifications read")
    @PostMapping("/read-all")
    Map<String, Integer> markAllRead(@AuthenticationPrincipal Caller caller) {
        return Map.of("marked", inbox.markAllRead(caller));
    }

    @PreAuthorize("hasAuthority('notification:read')")
    @Operation(summary = "One's notification preferences per type")
    @GetMapping("/preferences")
    List<Preference> preferences(@AuthenticationPrincipal Caller caller) {
        return preferences.of(caller.userId());
    }

    @PreAuthorize("hasAuthority('notification:read')")
    @Operation(summary = "Change one's notification preferences", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    [{"type": "INVITATION_ACCEPTED", "inApp": true, "email": false}]"""))))
    @PutMapping(path = "/preferences", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<Preference> updatePreferences(@AuthenticationPrincipal Caller caller, @RequestBody List<Change> changes) {
        if (changes == null) {
            throw ProblemException.invalid("body", "must be a list of {type, inApp, email}");
        }
        return preferences.update(caller.userId(), changes);
    }
}

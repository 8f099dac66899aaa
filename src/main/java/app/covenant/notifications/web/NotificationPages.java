package app.covenant.notifications.web;

import app.covenant.notifications.internal.NotificationInbox;
import app.covenant.notifications.internal.NotificationPreferences.Change;
import app.covenant.notifications.internal.NotificationPreferences;
import app.covenant.notifications.internal.NotificationTypes;
import app.covenant.platform.ui.FlashMessages;
import app.covenant.platform.ui.NavigationItem;
import app.covenant.platform.ui.PageRequests;
import app.covenant.platform.ui.Toasts;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bell in the top bar, the notifications page and one's notification preferences. Marking one
 * read works with htmx (the row is swapped and the bell told to refresh) and without (a redirect).
 */
@Controller
class NotificationPages {

    /** htmx event the bell listens to, so its count follows a "mark read" at once. */
    static final String CHANGED_EVENT = "notifications-changed";

    private final NotificationInbox inbox;
    private final NotificationPreferences preferences;
    private final NotificationTypes types;

    NotificationPages(NotificationInbox inbox, NotificationPreferences preferences, NotificationTypes types) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.types = types;
    }

    @Bean
    static NavigationItem notificationsNavigationItem() {
        return new NavigationItem(NavigationItem.Area.OVERVIEW, "Notifications", "/notifications", "bell", 20,
                "notification:read");
    }

    @Bean
    static FlashMessages notificationFlashMessages() {
        return new FlashMessages("notifications", Map.of(
                "all-read", "All notifications are marked read.",
                "preferences-saved", "Your notification preferences are saved."));
    }

    /** The bell's content, polled by htmx; a poll is no activity (see the layout and covenant.js). */
    @PreAuthorize("hasAuthority('notification:read')")
    @GetMapping("/notifications/bell")
    String bell(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("unread", inbox.unreadCount(caller));
        return "notifications/bell :: content";
    }

    @PreAuthorize("hasAuthority('notification:read')")
    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "false") boolean unread,
                @RequestParam(required = false) String type, Pageable pageable, Model model) {
        String filter = type == null || type.isBlank() || types.find(type.trim()).isEmpty() ? null : type.trim();
        model.addAttribute("notifications", inbox.list(caller, unread, filter, PageRequests.unsorted(pageable)));
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("type", filter);
        model.addAttribute("types", types.all());
        model.addAttribute("baseUrl", "/notifications?unread=" + unread + (filter == null ? "" : "&type=" + filter));
        return "notifications/list";
    }

    @PreAuthorize("hasAuthority('notification:read')")
    @PostMapping("/notifications/{id}/read")
    String markRead(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                    @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
                    Model model) {
        NotificationInbox.NotificationView read = inbox.markRead(caller, id);
        if (htmx == null) {
            return "redirect:/notifications";
        }
        response.setHeader("HX-Trigger", CHANGED_EVENT);
        // The swapped row is not announced by screen readers; the toast region is.
        Toasts.success(response, "Marked as read.");
        model.addAttribute("n", read);
        return "notifications/list :: row";
    }

    @PreAuthorize("hasAuthority('notification:read')")
    @PostMapping("/notifications/read-all")
    String markAllRead(@AuthenticationPrincipal Caller caller) {
        inbox.markAllRead(caller);
        return "redirect:/notifications?done=all-read";
    }

    @PreAuthorize("hasAuthority('notification:read')")
    @GetMapping("/account/notifications")
    String preferences(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("preferences", preferences.of(caller.userId()));
        return "notifications/preferences";
    }

    /** A checkbox form: a type's box is sent only when ticked, so every known type is written. */
    @PreAuthorize("hasAuthority('notification:read')")
    @PostMapping("/account/notifications")
    String savePreferences(@AuthenticationPrincipal Caller caller,
                           @RequestParam(name = "inApp", required = false) Set<String> inApp,
                           @RequestParam(name = "email", required = false) Set<String> email) {
        Set<String> app = inApp == null ? Set.of() : inApp;
        Set<String> mail = email == null ? Set.of() : email;
        List<Change> changes = types.all().stream()
                .map(type -> new Change(type.code(), app.contains(type.code()), mail.contains(type.code()))).toList();
        preferences.update(caller.userId(), changes);
        return "redirect:/account/notifications?done=preferences-saved";
    }
}

package app.covenant.notifications.web;

import app.covenant.notifications.internal.OutboxAdministration;
import app.covenant.platform.ui.FlashMessages;
import app.covenant.platform.ui.NavigationItem;
import app.covenant.platform.ui.PageRequests;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The outbox for administrators: what was sent, what waits, what failed — and, on the embedded
 * default (which sends nothing), the place to read an invitation or reset e-mail.
 */
@Controller
class OutboxPages {

    private final OutboxAdministration outbox;

    OutboxPages(OutboxAdministration outbox) {
        this.outbox = outbox;
    }

    @Bean
    static NavigationItem outboxNavigationItem() {
        return new NavigationItem(NavigationItem.Area.ADMINISTRATION, "E-mail outbox", "/admin/outbox", "inbox", 60,
                "outbox:read");
    }

    @Bean
    static FlashMessages outboxFlashMessages() {
        return new FlashMessages("notifications.outbox", Map.of(
                "email-retried", "The message will be sent again shortly."));
    }

    @PreAuthorize("hasAuthority('outbox:read')")
    @GetMapping("/admin/outbox")
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String status,
                Pageable pageable, Model model) {
        String filter = status == null || status.isBlank() ? null : status;
        try {
            model.addAttribute("messages", outbox.list(caller, filter, PageRequests.unsorted(pageable)));
        } catch (ProblemException invalidStatus) {
            model.addAttribute("messages", outbox.list(caller, null, PageRequest.of(0, pageable.getPageSize())));
            filter = null;
        }
        model.addAttribute("status", filter);
        return "notifications/outbox";
    }

    @PreAuthorize("hasAuthority('outbox:read')")
    @GetMapping("/admin/outbox/{id}")
    String message(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        model.addAttribute("message", outbox.open(caller, id));
        return "notifications/outbox-message";
    }

    @PreAuthorize("hasAuthority('outbox:read')")
    @PostMapping("/admin/outbox/{id}/retry")
    String retry(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        outbox.retry(caller, id);
        return "redirect:/admin/outbox/" + id + "?done=email-retried";
    }
}

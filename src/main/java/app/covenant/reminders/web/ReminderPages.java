package app.covenant.reminders.web;

import app.covenant.platform.ui.FlashMessages;
import app.covenant.platform.ui.LocalRedirects;
import app.covenant.platform.ui.NavigationItem;
import app.covenant.platform.ui.PageRequests;
import app.covenant.platform.ui.StatusTones;
import app.covenant.reminders.ExpirationReminder;
import app.covenant.reminders.ReminderRunResult;
import app.covenant.reminders.ReminderRunner;
import app.covenant.reminders.ReminderType;
import app.covenant.reminders.Reminders;
import app.covenant.reminders.internal.ReminderDetails;
import app.covenant.shared.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reminders pages: the pending list (filters, acknowledge in place, run now, statistics) and the page the
 * digest e-mail's acknowledge link opens.
 */
@Controller
class ReminderPages {

    private final Reminders reminders;
    private final ReminderRunner runner;
    private final ReminderDetails details;

    ReminderPages(Reminders reminders, ReminderRunner runner, ReminderDetails details) {
        this.reminders = reminders;
        this.runner = runner;
        this.details = details;
    }

    @Bean
    static NavigationItem remindersNavigationItem() {
        return new NavigationItem(NavigationItem.Area.INSURANCE, "Reminders", "/reminders", "calendar", 55,
                Reminders.READ);
    }

    @Bean
    static FlashMessages reminderFlashMessages() {
        return new FlashMessages("reminders", Map.of(
                "reminder-acknowledged", "The reminder is acknowledged.",
                "reminders-checked", "The reminder check ran.",
                "reminder-settings-saved", "The reminder settings are saved."));
    }

    @Bean
    static StatusTones reminderSoonTones() {
        return StatusTones.info("DAYS_30", "DAYS_14");
    }

    @Bean
    static StatusTones reminderUrgentTones() {
        return StatusTones.warning("DAYS_7");
    }

    @Bean
    static StatusTones reminderCriticalTones() {
        return StatusTones.danger("DAYS_2", "EVERY_2_DAYS");
    }

    @PreAuthorize("hasAuthority('reminders:read')")
    @GetMapping("/reminders")
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String type,
                @RequestParam(required = false) UUID projectId, @RequestParam(required = false) UUID brokerId,
                @RequestParam(required = false) String done, @RequestParam(required = false) Long checked,
                @RequestParam(required = false) Integer sent, @RequestParam(required = false) Integer emails,
                Pageable pageable, Model model) {
        ReminderType chosen = type == null || type.isBlank() ? null : ReminderApiController.parseType("type", type);
        Page<ExpirationReminder> page = reminders.pending(caller, new Reminders.PendingFilter(chosen, projectId,
                brokerId), PageRequests.unsorted(pageable));
        model.addAttribute("rows", details.of(page.getContent()));
        model.addAttribute("reminders", page);
        model.addAttribute("types", ReminderType.values());
        model.addAttribute("type", chosen);
        model.addAttribute("projectId", projectId);
        model.addAttribute("brokerId", brokerId);
        model.addAttribute("projects", details.projects(caller.organizationId()));
        model.addAttribute("brokers", details.brokers(caller.organizationId()));
        String base = filterUrl(chosen, projectId, brokerId);
        model.addAttribute("baseUrl", base);
        model.addAttribute("filtered", chosen != null || projectId != null || brokerId != null);
        model.addAttribute("back", withPage(base, pageable));
        model.addAttribute("mayRun", caller.has("reminders:run"));
        model.addAttribute("maySettings", caller.has("reminders:settings"));
        if (caller.has("reminders:stats")) {
            model.addAttribute("stats", reminders.stats(caller));
        }
        if ("reminders-checked".equals(done) && checked != null && sent != null && emails != null) {
            // The run's figures are numbers the page formats itself: a crafted link can only show other numbers.
            model.addAttribute("flash", "The reminder check ran: " + checked + " policies checked, " + sent
                    + (sent == 1 ? " reminder" : " reminders") + " recorded, " + emails
                    + (emails == 1 ? " e-mail" : " e-mails") + " queued.");
        }
        return "reminders/list";
    }

    @PreAuthorize("hasAuthority('reminders:acknowledge')")
    @PostMapping("/reminders/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                       @RequestParam(required = false) String back) {
        reminders.acknowledge(caller, id);
        String local = back == null ? "/" : LocalRedirects.localPath(back);
        String target = local.startsWith("/reminders") ? local
                : caller.has(Reminders.READ) ? "/reminders" : "/reminders/" + id + "/acknowledge";
        return "redirect:" + UriComponentsBuilder.fromUriString(target).replaceQueryParam("done",
                "reminder-acknowledged").build().toUriString();
    }

    @PreAuthorize("hasAuthority('reminders:acknowledge')")
    @GetMapping("/reminders/{id}/acknowledge")
    String confirm(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        ExpirationReminder reminder = reminders.find(caller, id);
        model.addAttribute("row", details.of(List.of(reminder)).getFirst());
        model.addAttribute("mayList", caller.has(Reminders.READ));
        return "reminders/acknowledge";
    }

    @PreAuthorize("hasAuthority('reminders:run')")
    @PostMapping("/reminders/run")
    String run() {
        ReminderRunResult result = runner.run();
        return "redirect:/reminders?done=reminders-checked&checked=" + result.policiesChecked() + "&sent="
                + result.remindersSent() + "&emails=" + result.emailsQueued();
    }

    /** The list's address with its filters. */
    static String filterUrl(ReminderType type, UUID projectId, UUID brokerId) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/reminders");
        if (type != null) {
            url.queryParam("type", type.name());
        }
        if (projectId != null) {
            url.queryParam("projectId", projectId);
        }
        if (brokerId != null) {
            url.queryParam("brokerId", brokerId);
        }
        return url.build().toUriString();
    }

    private static String withPage(String base, Pageable pageable) {
        return UriComponentsBuilder.fromUriString(base).queryParam("page", pageable.getPageNumber())
                .queryParam("size", pageable.getPageSize()).build().toUriString();
    }
}

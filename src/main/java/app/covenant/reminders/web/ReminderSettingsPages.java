package app.covenant.reminders.web;

import app.covenant.platform.ui.FormErrors;
import app.covenant.platform.jobs.JobsProperties;
import app.covenant.reminders.ReminderSchedule;
import app.covenant.reminders.ReminderSettings;
import app.covenant.reminders.ReminderType;
import app.covenant.reminders.Reminders;
import app.covenant.reminders.RemindersProperties;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /reminders/settings}: on or off, each type, extra recipients; the schedule read-only, in words with the
 * next check, and the organization's latest reminders.
 */
@Controller
class ReminderSettingsPages {

    private static final DateTimeFormatter LAST = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Reminders reminders;
    private final RemindersProperties properties;
    private final ReminderSchedule schedule;
    private final Clock clock;

    ReminderSettingsPages(Reminders reminders, RemindersProperties properties, JobsProperties jobs, Clock clock) {
        this.reminders = reminders;
        this.properties = properties;
        // The job runner reads every cron in the jobs' zone; the reminders' zone only picks the calendar day.
        this.schedule = new ReminderSchedule(properties.cron(), jobs.timeZone());
        this.clock = clock;
    }

    @PreAuthorize("hasAuthority('reminders:settings')")
    @GetMapping("/reminders/settings")
    String show(@AuthenticationPrincipal Caller caller, Model model) {
        ReminderSettings current = reminders.settings(caller);
        return page(caller, model, current.enabled(), current.disabledTypes().stream().map(Enum::name).toList(),
                String.join("\n", current.extraRecipients()));
    }

    @PreAuthorize("hasAuthority('reminders:settings')")
    @PostMapping("/reminders/settings")
    String save(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "false") boolean enabled,
                @RequestParam(name = "activeTypes", required = false) List<String> activeTypes,
                @RequestParam(defaultValue = "") String extraRecipients, HttpServletResponse response, Model model) {
        List<String> active = activeTypes == null ? List.of() : activeTypes;
        List<String> disabled = Arrays.stream(ReminderType.values()).map(Enum::name)
                .filter(name -> !active.contains(name)).toList();
        List<String> extras = extraRecipients.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        try {
            reminders.saveSettings(caller, ReminderApiController.validated(
                    new ReminderApiController.SettingsBody(enabled, disabled, extras)));
            return "redirect:/reminders/settings?done=reminder-settings-saved";
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            return page(caller, model, enabled, disabled, extraRecipients);
        }
    }

    private String page(Caller caller, Model model, boolean enabled, List<String> disabled, String extras) {
        model.addAttribute("enabled", enabled);
        model.addAttribute("types", ReminderType.values());
        model.addAttribute("disabled", disabled);
        model.addAttribute("extraRecipients", extras);
        model.addAttribute("cron", properties.cron());
        model.addAttribute("zone", properties.timeZone().getId());
        model.addAttribute("jobsZone", schedule.zone().getId());
        model.addAttribute("everyDay", schedule.inWords());
        ZonedDateTime next = schedule.nextAfter(clock.instant());
        model.addAttribute("nextCheck", next == null ? null : ReminderSchedule.describe(next));
        model.addAttribute("lastReminders", reminders.lastReminders(caller).map(last -> LAST.format(last.sentAt())
                + " — " + last.count() + (last.count() == 1 ? " reminder" : " reminders")).orElse(null));
        return "reminders/settings";
    }
}

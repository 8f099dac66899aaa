package app.covenant.reminders.web;

import app.covenant.reminders.ExpirationReminder;
import app.covenant.reminders.ReminderRunResult;
import app.covenant.reminders.ReminderRunner;
import app.covenant.reminders.ReminderSettings;
import app.covenant.reminders.ReminderStats;
import app.covenant.reminders.ReminderType;
import app.covenant.reminders.Reminders;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
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

/** {@code /api/v1/reminders} (API.md "Reminders"): run now, history, pending, acknowledge, statistics, settings. */
@RestController
@RequestMapping(path = "/api/v1/reminders", produces = MediaType.APPLICATION_JSON_VALUE)
class ReminderApiController {

    private final ReminderRunner runner;
    private final Reminders reminders;

    ReminderApiController(ReminderRunner runner, Reminders reminders) {
        this.runner = runner;
        this.reminders = reminders;
    }

    /** The settings as the API reads and writes them. */
    record SettingsBody(Boolean enabled, List<String> disabledTypes, List<String> extraRecipients) {
    }

    @PreAuthorize("hasAuthority('reminders:run')")
    @Operation(summary = "Run the renewal reminder check now (for today)")
    @PostMapping("/check-expiring-policies")
    ReminderRunResult check() {
        return runner.run();
    }

    @PreAuthorize("hasAuthority('reminders:history')")
    @Operation(summary = "Reminders of one certificate, newest first")
    @GetMapping("/history/{coiId}")
    List<ExpirationReminder> history(@AuthenticationPrincipal Caller caller, @PathVariable UUID coiId) {
        return reminders.history(caller, coiId);
    }

    @PreAuthorize("hasAuthority('reminders:read')")
    @Operation(summary = "Unacknowledged reminders, most urgent first; filters type, projectId, brokerId")
    @GetMapping("/pending")
    Page<ExpirationReminder> pending(@AuthenticationPrincipal Caller caller,
                                     @RequestParam(required = false) String type,
                                     @RequestParam(required = false) UUID projectId,
                                     @RequestParam(required = false) UUID brokerId,
                                     @PageableDefault(size = 20) Pageable pageable) {
        return reminders.pending(caller, new Reminders.PendingFilter(type == null || type.isBlank() ? null
                : parseType("type", type), projectId, brokerId), pageable);
    }

    @PreAuthorize("hasAuthority('reminders:acknowledge')")
    @Operation(summary = "Acknowledge a reminder (idempotent)")
    @PostMapping("/{id}/acknowledge")
    ExpirationReminder acknowledge(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return reminders.acknowledge(caller, id);
    }

    @PreAuthorize("hasAuthority('reminders:stats')")
    @Operation(summary = "Counts of the organization's reminders by type and by acknowledgement")
    @GetMapping("/stats")
    ReminderStats stats(@AuthenticationPrincipal Caller caller) {
        return reminders.stats(caller);
    }

    @PreAuthorize("hasAuthority('reminders:settings')")
    @Operation(summary = "The organization's reminder settings")
    @GetMapping("/settings")
    ReminderSettings settings(@AuthenticationPrincipal Caller caller) {
        return reminders.settings(caller);
    }

    @PreAuthorize("hasAuthority('reminders:settings')")
    @Operation(summary = "Replace the organization's reminder settings")
    @PutMapping(path = "/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReminderSettings saveSettings(@AuthenticationPrincipal Caller caller, @RequestBody SettingsBody body) {
        return reminders.saveSettings(caller, validated(body));
    }

    /** The settings of {@code body}, or 400 naming each bad field (the settings page uses the same checks). */
    static ReminderSettings validated(SettingsBody body) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        Set<ReminderType> types = EnumSet.noneOf(ReminderType.class);
        for (String name : body.disabledTypes() == null ? List.<String>of() : body.disabledTypes()) {
            try {
                types.add(ReminderType.valueOf(name == null ? "" : name.strip()));
            } catch (IllegalArgumentException e) {
                errors.add(new ProblemException.FieldError("disabledTypes", "unknown reminder type: " + name));
            }
        }
        List<String> extras = body.extraRecipients() == null ? List.of() : body.extraRecipients();
        for (String address : extras) {
            if (!isAddress(address)) {
                errors.add(new ProblemException.FieldError("extraRecipients", "not an e-mail address: " + address));
            }
        }
        if (String.join(",", extras).length() > 2000) {
            errors.add(new ProblemException.FieldError("extraRecipients", "too many addresses"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ReminderSettings(body.enabled() == null || body.enabled(), types, extras, null, null);
    }

    /** A type named by a request, or 400. */
    static ReminderType parseType(String field, String value) {
        try {
            return ReminderType.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "unknown reminder type: " + value);
        }
    }

    private static boolean isAddress(String address) {
        if (address == null || address.isBlank() || address.strip().length() > 254) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            parsed.validate();
            // A domain without a dot (foo@x) is legal for the parser but reaches nobody from here.
            String domain = parsed.getAddress().substring(parsed.getAddress().lastIndexOf('@') + 1);
            return parsed.getPersonal() == null && address.strip().equals(parsed.getAddress())
                    && address.indexOf('@') > 0 && domain.indexOf('.') > 0 && !domain.endsWith(".");
        } catch (AddressException e) {
            return false;
        }
    }
}

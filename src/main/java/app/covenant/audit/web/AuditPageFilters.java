package app.covenant.audit.web;

import app.covenant.audit.internal.AuditFilter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filter form of the audit page as sent: the pickers' values (actor id, module, action, kind of record),
 * a record's id when the page was linked to one, and times as ISO instants or as a browser's
 * {@code datetime-local} value (read as UTC). Values that do not parse are reported, not guessed.
 */
record AuditPageFilters(String module, String action, String userId, String targetType, String targetId,
                        String from, String to) {

    AuditFilter toFilter(List<String> problems) {
        return new AuditFilter(module, action, uuid(userId, "Actor", problems), targetType, targetId,
                instant(from, "From", problems), instant(to, "To", problems));
    }

    /** This page with the filters that are set, for pagination links. */
    String url() {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/admin/audit");
        param(url, "module", module);
        param(url, "action", action);
        param(url, "userId", userId);
        param(url, "targetType", targetType);
        param(url, "targetId", targetId);
        param(url, "from", from);
        param(url, "to", to);
        return url.encode().build().toUriString();
    }

    private static void param(UriComponentsBuilder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.queryParam(name, value.trim());
        }
    }

    private static UUID uuid(String value, String label, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            problems.add(label + " must be one of the people in the list.");
            return null;
        }
    }

    private static Instant instant(String value, String label, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                problems.add(label + " must be a date and time such as 2026-01-31T09:00 (UTC).");
                return null;
            }
        }
    }
}

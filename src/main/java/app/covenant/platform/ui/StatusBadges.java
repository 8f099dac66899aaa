package app.covenant.platform.ui;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one colour map for statuses, so a status looks the same on every page. Templates call it as
 * {@code ${@statusBadges.tone(status)}} through {@code fragments/components :: status-badge}.
 */
@Component("statusBadges")
public class StatusBadges {

    private static final Map<String, Set<String>> TONES = Map.of(
            "success", Set.of("ACTIVE", "COMPLIANT", "COMPLETED", "SUCCEEDED", "APPROVED", "SIGNED", "EXECUTED", "RENEWED",
                    "VERIFIED", "ACKNOWLEDGED", "CONNECTED", "UP"),
            "warning", Set.of("PENDING", "IN_REVIEW", "UNDER_REVIEW", "EXPIRING", "EXPIRING_SOON", "ESCALATED",
                    "REVISION_REQUESTED", "SENT", "DEGRADED"),
            "danger", Set.of("DEFICIENCY_PENDING", "DEFICIENT", "NON_COMPLIANT", "REJECTED", "FAILED", "LOCKED",
                    "UNREACHABLE", "DOWN"),
            "neutral", Set.of("EXPIRED", "CANCELLED", "VOIDED", "TERMINATED", "ARCHIVED", "SUPERSEDED", "INACTIVE",
                    "OFF"),
            "info", Set.of("DRAFT", "NEW", "INVITED"));

    /** {@code success}, {@code warning}, {@code danger}, {@code neutral} or {@code info}. */
    public String tone(Object status) {
        String key = key(status);
        for (Map.Entry<String, Set<String>> tone : TONES.entrySet()) {
            if (tone.getValue().contains(key)) {
                return tone.getKey();
            }
        }
        // Waiting states of any workflow read as "someone has to act".
        if (key.startsWith("AWAITING_") || key.startsWith("PENDING_")) {
            return "warning";
        }
        return "neutral";
    }

    /** {@code AWAITING_BROKER_UPLOAD} reads as "Awaiting broker upload", {@code NON_COMPLIANT} as "Non-compliant". */
    public String label(Object status) {
        String words = key(status).replace('_', ' ').toLowerCase(Locale.ROOT);
        if (words.startsWith("non ")) {
            words = "non-" + words.substring(4);
        }
        return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String key(Object status) {
        return status == null ? "" : status.toString().trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}

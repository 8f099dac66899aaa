package app.covenant.platform.ui;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one colour map for statuses, so a status looks the same on every page. Each module declares the
 * statuses it renders as {@link StatusTones} beans; templates call it as {@code ${@statusBadges.tone(status)}}
 * through {@code fragments/components :: status-badge}.
 */
@Component("statusBadges")
public class StatusBadges {

    private final Map<String, String> toneOf = new HashMap<>();

    StatusBadges(ObjectProvider<StatusTones> declared) {
        declared.orderedStream().forEach(tones -> {
            for (String status : tones.statuses()) {
                String before = toneOf.putIfAbsent(status, tones.tone());
                if (before != null && !before.equals(tones.tone())) {
                    throw new IllegalStateException("The status " + status + " is declared both " + before + " and "
                            + tones.tone() + " (StatusTones beans): a status has one colour on every page");
                }
            }
        });
    }

    /** {@code success}, {@code warning}, {@code danger}, {@code neutral} or {@code info}. */
    public String tone(Object status) {
        String key = key(status);
        String declared = toneOf.get(key);
        if (declared != null) {
            return declared;
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

package app.covenant.platform.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The colour of the statuses a module renders with {@code fragments/components :: status-badge}, declared
 * as a bean of the module and collected by {@link StatusBadges}, e.g.
 * {@code @Bean StatusTones outboxDone() { return StatusTones.success("SENT"); }}. Two modules may name the
 * same status only with the same tone. Statuses nobody declares read as neutral, except waiting states
 * ({@code AWAITING_…}, {@code PENDING_…}), which read as warning.
 *
 * @param tone     {@code success}, {@code warning}, {@code danger}, {@code neutral} or {@code info}
 * @param statuses upper-case status names, e.g. {@code ACTIVE}
 */
public record StatusTones(String tone, Set<String> statuses) {

    static final Set<String> TONES = Set.of("success", "warning", "danger", "neutral", "info");

    public StatusTones {
        Objects.requireNonNull(tone, "tone");
        if (!TONES.contains(tone)) {
            throw new IllegalArgumentException("A status tone is one of " + TONES + ": " + tone);
        }
        statuses = statuses.stream().map(status -> status.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public static StatusTones success(String... statuses) {
        return of("success", statuses);
    }

    public static StatusTones warning(String... statuses) {
        return of("warning", statuses);
    }

    public static StatusTones danger(String... statuses) {
        return of("danger", statuses);
    }

    public static StatusTones neutral(String... statuses) {
        return of("neutral", statuses);
    }

    public static StatusTones info(String... statuses) {
        return of("info", statuses);
    }

    private static StatusTones of(String tone, String... statuses) {
        return new StatusTones(tone, Set.copyOf(Arrays.asList(statuses)));
    }
}

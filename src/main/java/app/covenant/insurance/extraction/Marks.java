package app.covenant.insurance.extraction;

import java.util.Locale;
import java.util.Set;

/**
 * The additional-insured and waiver columns ({@code Y}, {@code X} or blank) and check boxes (an on-value such as
 * {@code 1}, or {@code Off}; flattened, an {@code X} printed in the box) as booleans. Blank is "no".
 */
public final class Marks {

    private static final Set<String> YES = Set.of("Y", "YES", "X", "1", "ON", "TRUE", "✓", "✔");
    private static final Set<String> NO = Set.of("N", "NO", "OFF", "0", "FALSE");

    private Marks() {
    }

    public static Parsed<Boolean> parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed<>(false, Parsed.Quality.BLANK);
        }
        String value = text.strip().toUpperCase(Locale.ROOT);
        if (YES.contains(value)) {
            return Parsed.clean(true);
        }
        if (NO.contains(value)) {
            return Parsed.clean(false);
        }
        return Parsed.unreadable();
    }
}

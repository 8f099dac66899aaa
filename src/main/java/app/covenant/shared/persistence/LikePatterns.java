package app.covenant.shared.persistence;

import java.util.Locale;

/**
 * Search terms for {@code lower(column) like :pattern escape '\'}: the term matches literally, so a
 * {@code %} or {@code _} typed into a search box finds that character instead of acting as a wildcard.
 * Every LIKE search of every module builds its pattern here and declares the same escape character.
 */
public final class LikePatterns {

    /** The escape character every such query declares: {@code escape '\'}. */
    public static final char ESCAPE = '\\';

    private LikePatterns() {
    }

    /** {@code %term%}, lower-cased and escaped; {@code null} for a missing or blank term (no filter). */
    public static String containing(String term) {
        if (term == null || term.isBlank()) {
            return null;
        }
        return "%" + escape(term.strip().toLowerCase(Locale.ROOT)) + "%";
    }

    static String escape(String literal) {
        StringBuilder escaped = new StringBuilder(literal.length() + 8);
        for (char c : literal.toCharArray()) {
            if (c == ESCAPE || c == '%' || c == '_') {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}

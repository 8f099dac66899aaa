package app.covenant.insurance.extraction;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Limit amounts as certificates print them ({@code $1,000,000}, {@code 1,000,000}, {@code $ 1,000,000},
 * {@code 1000000}, {@code 1M}, {@code 1.5M}, {@code 500K}) to whole dollars; cents are dropped.
 */
public final class Money {

    private static final Pattern PLAIN = Pattern.compile("\\$?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d{1,2})?");
    private static final Pattern SHORTHAND = Pattern.compile("\\$?\\s*(\\d+(?:\\.\\d+)?)\\s*([KM])");

    private Money() {
    }

    public static Parsed<Long> parse(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.blank();
        }
        String value = text.strip().toUpperCase(Locale.ROOT);
        Matcher plain = PLAIN.matcher(value);
        if (plain.matches()) {
            return Parsed.clean(Long.parseLong(plain.group(1).replace(",", "")));
        }
        Matcher shorthand = SHORTHAND.matcher(value);
        if (shorthand.matches()) {
            BigDecimal scale = "M".equals(shorthand.group(2)) ? BigDecimal.valueOf(1_000_000) : BigDecimal.valueOf(1_000);
            BigDecimal amount = new BigDecimal(shorthand.group(1)).multiply(scale);
            if (amount.stripTrailingZeros().scale() > 0) {
                return Parsed.unreadable();
            }
            return Parsed.repaired(amount.longValueExact());
        }
        return Parsed.unreadable();
    }
}

package app.covenant.insurance.compliance;

import java.text.NumberFormat;
import java.util.Locale;

/** Whole-dollar amounts as brokers write them: {@code $1,000,000}. The one place money is formatted. */
public final class Dollars {

    private Dollars() {
    }

    public static String format(long dollars) {
        String digits = NumberFormat.getIntegerInstance(Locale.US).format(Math.abs(dollars));
        return (dollars < 0 ? "-$" : "$") + digits;
    }
}

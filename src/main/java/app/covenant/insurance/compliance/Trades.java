package app.covenant.insurance.compliance;

import java.util.Locale;

/** Trades are matched case- and space-insensitively: "Roofing", " roofing " and "ROOFING" are one trade. */
public final class Trades {

    private Trades() {
    }

    public static String key(String trade) {
        return trade == null ? "" : trade.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return key(a).equals(key(b));
    }
}

package app.covenant.identity.internal;

import java.time.Duration;

/**
 * How long an e-mailed link works, in words ("3 days", "1 hour"), from the very duration that sets its
 * expiry: the page that sends a link and the e-mail carrying it cannot disagree.
 */
public final class LinkLifetime {

    private LinkLifetime() {
    }

    /** Whole days, else whole hours, else minutes (rounded up, at least one). */
    public static String describe(Duration lifetime) {
        if (lifetime.toDays() > 0 && lifetime.equals(Duration.ofDays(lifetime.toDays()))) {
            return plural(lifetime.toDays(), "day");
        }
        if (lifetime.toHours() > 0 && lifetime.equals(Duration.ofHours(lifetime.toHours()))) {
            return plural(lifetime.toHours(), "hour");
        }
        long minutes = Math.max(1, (lifetime.toSeconds() + 59) / 60);
        return plural(minutes, "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}

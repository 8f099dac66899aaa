package app.covenant.platform.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Times on every page, in UTC like the audit log: {@code ${@pageTimes.format(user.lastSignInAt)}}
 * and a relative hint ({@code 5 min ago}) for "last seen" columns.
 */
@Component("pageTimes")
public class PageTimes {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public PageTimes(Clock clock) {
        this.clock = clock;
    }

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    public String ago(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration age = Duration.between(instant, clock.instant());
        if (age.isNegative() || age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + (age.toDays() == 1 ? " day ago" : " days ago");
    }
}

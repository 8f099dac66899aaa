package app.covenant.reminders;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;

/**
 * When the reminder check runs, for people: the cron of {@code REMINDERS_CRON} read in {@code zone} (the jobs' time
 * zone, as the job runner reads it) said in words when it is a daily time, and its next occurrence.
 */
public record ReminderSchedule(String cron, ZoneId zone) {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");
    private static final Pattern ANY = Pattern.compile("[*?]");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    public ReminderSchedule {
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(zone, "zone");
    }

    /** "every day at 06:00" for a daily cron; otherwise null (the page then shows the cron itself). */
    public String inWords() {
        String expression = cron.strip();
        if (expression.equals("@daily") || expression.equals("@midnight")) {
            return "every day at 00:00";
        }
        String[] f = expression.split("\\s+");
        if (f.length != 6 || !NUMBER.matcher(f[0]).matches() || !NUMBER.matcher(f[1]).matches()
                || !NUMBER.matcher(f[2]).matches() || !ANY.matcher(f[3]).matches() || !ANY.matcher(f[4]).matches()
                || !ANY.matcher(f[5]).matches()) {
            return null;
        }
        LocalTime time = LocalTime.of(Integer.parseInt(f[2]), Integer.parseInt(f[1]), Integer.parseInt(f[0]));
        return "every day at " + TIME.format(time);
    }

    /** The first run strictly after {@code now}, in {@link #zone}; null when the cron never fires again. */
    public ZonedDateTime nextAfter(Instant now) {
        return CronExpression.parse(cron).next(now.atZone(zone));
    }

    /** "Monday 7 December 2026 at 06:00 UTC", plus the UTC time when the zone is another. */
    public static String describe(ZonedDateTime at) {
        String text = DAY_AND_TIME.format(at) + " " + at.getZone().getId();
        if (at.getOffset().equals(ZoneOffset.UTC)) {
            return at.getZone().normalized().equals(ZoneOffset.UTC) ? DAY_AND_TIME.format(at) + " UTC" : text;
        }
        return text + " (" + TIME.format(at.withZoneSameInstant(ZoneOffset.UTC)) + " UTC)";
    }
}

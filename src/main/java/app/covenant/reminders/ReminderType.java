package app.covenant.reminders;

/**
 * The tiers of the schedule, in the order they fall due, with the subject prefix of each; an
 * {@link #EVERY_2_DAYS} reminder says how many days the policy is overdue.
 */
public enum ReminderType {
    DAYS_30("[30 Days]"),
    DAYS_14("[14 Days]"),
    DAYS_7("[7 Days] URGENT"),
    DAYS_2("[2 Days] CRITICAL"),
    EXPIRED("[EXPIRED]"),
    EVERY_2_DAYS("[OVERDUE %d Days]");

    private final String prefix;

    ReminderType(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix as written, {@code %d} standing for the days overdue (the run's SQL spells it out the same way). */
    public String subjectPrefixPattern() {
        return prefix;
    }

    /** The subject prefix for a reminder {@code daysBeforeExpiry} days before expiry (negative when overdue). */
    public String subjectPrefix(int daysBeforeExpiry) {
        return this == EVERY_2_DAYS ? prefix.formatted(-daysBeforeExpiry) : prefix;
    }
}

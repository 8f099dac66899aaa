package app.covenant.holdharmless;

import java.util.Map;

/**
 * The organization's agreements: counts by status, the average hours from creation to completion of the completed
 * ones (null when none), and how many wait for a signature for longer than {@code overdueAfterDays}.
 */
public record HoldHarmlessStats(long total, Map<HoldHarmlessStatus, Long> byStatus, Double averageHoursToComplete,
                                long overdue, int overdueAfterDays) {
}

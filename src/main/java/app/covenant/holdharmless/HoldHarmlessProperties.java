package app.covenant.holdharmless;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the hold-harmless module ({@code covenant.hold-harmless.*}).
 *
 * @param expiryCron  when {@code hold-harmless-expire-agreements} runs: Spring cron with seconds, in
 *                    {@code JOBS_TIME_ZONE} ({@code HOLD_HARMLESS_EXPIRY_CRON}, default 00:20 daily)
 * @param timeZone    the zone of the calendar days of effective and expiration dates ({@code JOBS_TIME_ZONE})
 * @param overdueDays a signature awaited for longer than this many days counts as overdue in the statistics
 *                    ({@code HOLD_HARMLESS_OVERDUE_DAYS}, default 7)
 */
@Validated
@ConfigurationProperties("covenant.hold-harmless")
public record HoldHarmlessProperties(@NotBlank @DefaultValue("0 20 0 * * *") String expiryCron,
                                     @NotNull @DefaultValue("UTC") ZoneId timeZone,
                                     @Min(1) @DefaultValue("7") int overdueDays) {
}

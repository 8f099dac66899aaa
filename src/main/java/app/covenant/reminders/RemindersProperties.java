package app.covenant.reminders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the reminders module ({@code covenant.reminders.*}).
 *
 * @param cron     when {@code reminders-check-expiring-policies} runs: Spring cron with seconds, in
 *                 {@code JOBS_TIME_ZONE} ({@code REMINDERS_CRON}, default 06:00 daily)
 * @param timeZone the zone whose calendar day a run reminds for ({@code REMINDERS_TIME_ZONE}, default
 *                 {@code JOBS_TIME_ZONE})
 */
@Validated
@ConfigurationProperties("covenant.reminders")
public record RemindersProperties(@NotBlank @DefaultValue("0 0 6 * * *") String cron,
                                  @NotNull @DefaultValue("UTC") ZoneId timeZone) {
}

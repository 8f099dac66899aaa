package app.covenant.insurance;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the insurance module ({@code covenant.insurance.*}), fed in {@code application.yml}.
 *
 * @param expiryCron when the daily job marks certificates whose earliest policy has expired as {@code EXPIRED}:
 *                   Spring cron with seconds, in {@code JOBS_TIME_ZONE} ({@code INSURANCE_EXPIRY_CRON})
 */
@Validated
@ConfigurationProperties("covenant.insurance")
public record InsuranceProperties(@NotBlank @DefaultValue("0 15 0 * * *") String expiryCron) {
}

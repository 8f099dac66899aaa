package app.covenant.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of sign-in and accounts ({@code covenant.identity.*}), bound from {@code JWT_*},
 * {@code DEMO_PASSWORD} and friends in {@code application.yml}.
 *
 * @param jwtSecret        HS256 key; empty only in the embedded default (a random one per start)
 * @param bcryptStrength   cost of password hashes (SECURITY.md: at least 12)
 * @param demoPassword     password of the demo users of the embedded default
 * @param demoData         create the demo organizations and users (only ever on the embedded H2 database)
 * @param refreshReuseLeeway how long after its rotation a refresh token may be used again by the same client
 *                         (parallel tabs) without ending the session; zero turns it off
 */
@Validated
@ConfigurationProperties("covenant.identity")
public record IdentityProperties(
        @DefaultValue("") String jwtSecret,
        @NotBlank @DefaultValue("covenant") String jwtIssuer,
        @NotNull @DefaultValue("15m") Duration accessTokenTtl,
        @NotNull @DefaultValue("7d") Duration refreshTokenTtl,
        @Min(12) @Max(16) @DefaultValue("12") int bcryptStrength,
        @Min(1) @DefaultValue("5") int lockoutMaxFailures,
        @NotNull @DefaultValue("15m") Duration lockoutWindow,
        @NotNull @DefaultValue("15m") Duration lockoutDuration,
        @NotNull @DefaultValue("1h") Duration passwordResetTtl,
        @NotNull @DefaultValue("48h") Duration emailVerificationTtl,
        @NotNull @DefaultValue("72h") Duration invitationTtl,
        @NotNull @DefaultValue("10s") Duration permissionCacheTtl,
        @DefaultValue("Covenant-Demo-2026") String demoPassword,
        @DefaultValue("true") boolean demoData,
        @NotNull @DefaultValue("30s") Duration refreshReuseLeeway) {
}

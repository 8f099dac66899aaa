package app.covenant.identity;

import app.covenant.shared.web.EmailAddress;
import jakarta.validation.Valid;
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
 * @param secureCookies    mark the session cookies {@code Secure} ({@code SECURE_COOKIES}; on in production)
 * @param publicApiDocs    serve the API description without sign-in (off in production)
 * @param purgeCron        when {@code identity-token-purge} runs ({@code TOKEN_PURGE_CRON})
 * @param firstStart       who is invited when the database holds no user yet
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
        @NotNull @DefaultValue("30s") Duration refreshReuseLeeway,
        @DefaultValue("false") boolean secureCookies,
        @DefaultValue("true") boolean publicApiDocs,
        @NotBlank @DefaultValue("0 15 3 * * *") String purgeCron,
        @Valid @NotNull @DefaultValue FirstStart firstStart) {

    /**
     * @param adminEmail       {@code ADMIN_EMAIL}: the first administrator, invited on the first start
     * @param organizationName {@code ORG_NAME}: the first organization's name
     * @param organizationCode {@code ORG_CODE}: the first organization's code
     */
    public record FirstStart(
            @EmailAddress @DefaultValue("") String adminEmail,
            @DefaultValue("Covenant") String organizationName,
            @DefaultValue("COVENANT") String organizationCode) {

        public FirstStart {
            // An empty variable counts as set; fall back to the defaults then too.
            adminEmail = adminEmail == null ? "" : adminEmail.trim();
            organizationName = organizationName == null || organizationName.isBlank() ? "Covenant"
                    : organizationName.trim();
            organizationCode = organizationCode == null || organizationCode.isBlank() ? "COVENANT"
                    : organizationCode.trim();
        }
    }
}

package app.covenant.platform.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the platform module ({@code covenant.platform.*}), mostly fed by environment variables
 * in {@code application.yml}.
 *
 * @param frontendUrl    public base URL of the web UI, used in links ({@code FRONTEND_URL})
 * @param corsOrigins    origins allowed to call the API from a browser ({@code CORS_ORIGINS} or {@code CORS_ORIGIN})
 * @param maxBodySize    largest non-multipart request body; larger ones get {@code 413}
 * @param hsts           send {@code Strict-Transport-Security} on every response (production)
 * @param redisRetryAfter after a Redis command failed, how long Redis is left alone before one request tries
 *                       it again ({@code REDIS_RETRY_AFTER})
 */
@Validated
@ConfigurationProperties("covenant.platform")
public record PlatformProperties(
        @NotNull @DefaultValue("http://localhost:8080") URI frontendUrl,
        @NotNull @DefaultValue List<String> corsOrigins,
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("false") boolean hsts,
        @NotNull @DefaultValue("10s") Duration redisRetryAfter) {

    public PlatformProperties {
        corsOrigins = corsOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
    }
}

package app.covenant.platform.status;

import java.time.Duration;
import java.time.Instant;

/**
 * What one application node runs on, shown on the home page and at {@code GET /api/v1/system/status}.
 *
 * @param mode     {@code embedded} (H2 file database, no services) or {@code server} (PostgreSQL)
 * @param redis    {@code off} (no {@code REDIS_URL}), {@code connected} or {@code unreachable}
 */
public record NodeStatus(String version, String mode, String database, boolean databaseUp, String redis,
                         Instant startedAt, Duration uptime) {
}

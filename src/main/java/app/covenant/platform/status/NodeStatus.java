package app.covenant.platform.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;

/**
 * What one application node runs on, shown on the System page and at {@code GET /api/v1/system/status}.
 *
 * @param version  the build's version; absent for visitors (see {@link #withoutDetails()})
 * @param mode     {@code embedded} (H2 file database, no services) or {@code server} (PostgreSQL)
 * @param database the database product and version; absent for visitors
 * @param redis    {@code off} (no {@code REDIS_URL}), {@code connected} or {@code degraded} (set but not
 *                 answering: the node serves on with its fallbacks, see {@code RedisGuard})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeStatus(String version, String mode, String database, boolean databaseUp, String redis,
                         Instant startedAt, Duration uptime) {

    /** What anyone may see: whether the node and its services are up, not which versions an attacker would target. */
    public NodeStatus withoutDetails() {
        return new NodeStatus(null, mode, null, databaseUp, redis, startedAt, uptime);
    }
}

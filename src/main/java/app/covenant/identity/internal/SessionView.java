package app.covenant.identity.internal;

import java.time.Instant;
import java.util.UUID;

/** One signed-in session (device) of a user, for "my sessions". */
public record SessionView(UUID id, Instant startedAt, Instant lastRefreshedAt, Instant expiresAt, String ipAddress,
                          String userAgent, boolean current) {
}

package app.covenant.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes refresh tokens, revocation records and e-mailed links that can no longer be used, so these
 * tables stay small. A day of grace keeps recent ones for investigation. Scheduled by {@link TokenPurgeSchedule}.
 */
@Component
public class TokenPurge {

    private static final Logger log = LoggerFactory.getLogger(TokenPurge.class);
    private static final Duration GRACE = Duration.ofDays(1);

    public record Result(int refreshTokens, int links, int revocations, long durationMs) {
    }

    private final RefreshTokenRepository refreshTokens;
    private final UserTokenRepository userTokens;
    private final AccessTokenRevocations revocations;
    private final Clock clock;

    TokenPurge(RefreshTokenRepository refreshTokens, UserTokenRepository userTokens,
               AccessTokenRevocations revocations, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.userTokens = userTokens;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Transactional
    public Result runNow() {
        long started = System.nanoTime();
        Instant before = clock.instant().minus(GRACE);
        Result result = new Result(refreshTokens.deleteExpiredBefore(before), userTokens.deleteExpiredBefore(before),
                revocations.purgeExpired(), 0);
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        log.info("Token purge completed: refreshTokens={}, links={}, revocations={}, durationMs={}",
                result.refreshTokens(), result.links(), result.revocations(), durationMs);
        return new Result(result.refreshTokens(), result.links(), result.revocations(), durationMs);
    }
}

package app.covenant.platform.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * The outcome of taking one request from a bucket, in the units of the {@code RateLimit-*} and
 * {@code Retry-After} headers (whole seconds, rounded up so a client that waits is never early).
 *
 * @param resetSeconds      until the bucket is full again
 * @param retryAfterSeconds until the next request is allowed (0 when this one was)
 */
record Verdict(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    static Verdict of(Limit limit, ConsumptionProbe probe) {
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        return new Verdict(probe.isConsumed(), limit.perMinute(), Math.max(0, probe.getRemainingTokens()),
                seconds(probe.getNanosToWaitForReset()), retryAfter);
    }

    private static long seconds(long nanos) {
        return Math.ceilDiv(Math.max(0, nanos), 1_000_000_000L);
    }
}

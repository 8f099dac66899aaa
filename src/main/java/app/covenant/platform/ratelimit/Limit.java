package app.covenant.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/** So many requests per minute, refilled evenly (greedily) rather than all at once at the minute's end. */
record Limit(long perMinute, BucketConfiguration configuration) {

    static final Duration PERIOD = Duration.ofMinutes(1);

    static Limit perMinute(long requests) {
        return new Limit(requests, BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, PERIOD))
                .build());
    }
}

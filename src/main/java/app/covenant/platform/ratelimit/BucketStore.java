package app.covenant.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the buckets live: Redis (shared by every node) or this node's memory. */
interface BucketStore extends AutoCloseable {

    /** Takes one request from the bucket of {@code key}, which starts full with {@code configuration}. */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

    @Override
    default void close() {
    }
}

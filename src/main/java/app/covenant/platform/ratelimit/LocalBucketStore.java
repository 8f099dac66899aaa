package app.covenant.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * Buckets in this node's memory (no Redis). Bounded, so a flood of new keys cannot exhaust the heap; a
 * bucket untouched for a whole period would be full again anyway, so it is dropped without loss.
 */
final class LocalBucketStore implements BucketStore {

    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;

    LocalBucketStore(long maximumSize, TimeMeter time) {
        this.buckets = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(Limit.PERIOD).build();
        this.time = time;
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return buckets.get(key, ignored -> newBucket(configuration)).tryConsumeAndReturnRemaining(1);
    }

    private Bucket newBucket(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }
}

package app.covenant.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import app.covenant.platform.config.RedisGuard;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Buckets in Redis through Bucket4j's Lettuce proxy manager (compare-and-swap), shared by every node.
 * A key expires once its bucket would be full again, so idle clients leave nothing behind.
 * The connection is opened on first use, not at startup, so a Redis outage never stops the
 * application from starting; after a failed attempt the next one waits, so requests are not each
 * held up by a connect timeout.
 */
final class RedisBucketStore implements BucketStore {

    static final Duration RECONNECT_PAUSE = Duration.ofSeconds(15);
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(5);

    private final Supplier<RedisClient> client;
    private final Duration timeout;
    private final RedisGuard guard;
    private final Clock clock;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;
    private volatile long nextAttemptMillis;

    RedisBucketStore(Supplier<RedisClient> client, Duration timeout, RedisGuard guard, Clock clock) {
        this.client = client;
        this.timeout = timeout;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        // While Redis does not answer, nobody waits for it: the limiter lets the request pass (fails open).
        ConsumptionProbe probe = guard.call(
                () -> buckets().builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1), () -> null);
        if (probe == null) {
            throw new IllegalStateException("Redis is unavailable");
        }
        return probe;
    }

    private ProxyManager<String> buckets() {
        ProxyManager<String> current = buckets;
        if (current != null) {
            return current;
        }
        // Only one request connects; the others pass unlimited meanwhile instead of queueing.
        if (clock.millis() < nextAttemptMillis || !connecting.tryLock()) {
            throw new IllegalStateException("Redis is not connected (yet)");
        }
        try {
            if (buckets == null) {
                connect();
            }
            return buckets;
        } catch (RuntimeException e) {
            nextAttemptMillis = clock.millis() + RECONNECT_PAUSE.toMillis();
            throw e;
        } finally {
            connecting.unlock();
        }
    }

    private void connect() {
        StatefulRedisConnection<String, byte[]> opened =
                client.get().connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        buckets = Bucket4jLettuce.casBasedBuilder(opened)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .clientClock(new ClockTimeMeter(clock))
                .requestTimeout(timeout)
                .build();
        connection = opened;
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> opened = connection;
        if (opened != null) {
            opened.close();
        }
    }
}

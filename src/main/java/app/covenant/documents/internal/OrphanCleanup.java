package app.covenant.documents.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Removes stored content that no live document names: uploads whose transaction rolled back, and the
 * content of deleted documents. Works through the ledger in batches (bounded memory); a key that cannot
 * be deleted now stays in the ledger for the next run. Scheduled by {@link OrphanCleanupSchedule}.
 */
@Component
public class OrphanCleanup {

    private static final Logger log = LoggerFactory.getLogger(OrphanCleanup.class);
    private static final int BATCH = 200;

    /** @param removed content removed from storage; {@code failed} left for the next run */
    public record Result(int removed, int failed, long durationMs) {
    }

    private final StoredObjects objects;
    private final ObjectStore store;
    private final DocumentsProperties properties;
    private final Clock clock;

    OrphanCleanup(StoredObjects objects, ObjectStore store, DocumentsProperties properties, Clock clock) {
        this.objects = objects;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public Result runNow() {
        long started = System.nanoTime();
        Instant before = clock.instant().minus(properties.cleanupGrace());
        int removed = 0;
        int failed = 0;
        String after = "";
        List<String> batch;
        do {
            batch = objects.orphans(before, after, BATCH);
            for (String key : batch) {
                try {
                    store.delete(key);
                    objects.forget(key);
                    removed++;
                } catch (IOException | RuntimeException e) {
                    failed++;
                    log.warn("Could not remove orphaned document content {}: {}", key, e.getMessage());
                }
                after = key;
            }
        } while (batch.size() == BATCH);
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        log.info("Document orphan cleanup completed: removed={}, failed={}, durationMs={}", removed, failed,
                durationMs);
        return new Result(removed, failed, durationMs);
    }
}

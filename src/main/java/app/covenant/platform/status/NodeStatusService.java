package app.covenant.platform.status;

import app.covenant.platform.health.DatabaseProbe;
import app.covenant.platform.health.RedisProbe;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

/** Reads the node's live status: version, database and Redis. */
@Service
public class NodeStatusService {

    private final DatabaseProbe database;
    private final RedisProbe redis;
    private final String version;
    private final Clock clock;
    private final Instant startedAt;

    NodeStatusService(DatabaseProbe database, RedisProbe redis,
                      ObjectProvider<BuildProperties> build, Clock clock) {
        this.database = database;
        this.redis = redis;
        BuildProperties buildProperties = build.getIfAvailable();
        this.version = buildProperties != null ? buildProperties.getVersion() : "development";
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** The permission of platform operators, who see a node's version and database product. */
    static final String DETAILS_PERMISSION = "metrics:read";

    /** The status as {@code caller} (empty: a visitor) may see it: without version and database product for most. */
    public NodeStatus visibleTo(Caller caller) {
        NodeStatus node = current();
        return caller != null && caller.has(DETAILS_PERMISSION) ? node : node.withoutDetails();
    }

    public NodeStatus current() {
        DatabaseProbe.DatabaseState db = database.check();
        String product = db.product() == null ? "unreachable" : db.product();
        String mode = product.startsWith("H2") ? "embedded" : "server";
        Instant now = clock.instant();
        return new NodeStatus(version, mode, product, db.up(), redis.check().name().toLowerCase(Locale.ROOT), startedAt,
                Duration.between(startedAt, now).withNanos(0));
    }
}

package app.covenant.platform.status;

import app.covenant.platform.health.DatabaseProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Service;

/** Reads the node's live status: version, database and Redis. */
@Service
public class NodeStatusService {

    private final DatabaseProbe database;
    private final ObjectProvider<RedisConnectionFactory> redis;
    private final String version;
    private final Clock clock;
    private final Instant startedAt;

    NodeStatusService(DatabaseProbe database, ObjectProvider<RedisConnectionFactory> redis,
                      ObjectProvider<BuildProperties> build, Clock clock) {
        this.database = database;
        this.redis = redis;
        BuildProperties buildProperties = build.getIfAvailable();
        this.version = buildProperties != null ? buildProperties.getVersion() : "development";
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public NodeStatus current() {
        DatabaseProbe.DatabaseState db = database.check();
        String product = db.product() == null ? "unreachable" : db.product();
        String mode = product.startsWith("H2") ? "embedded" : "server";
        Instant now = clock.instant();
        return new NodeStatus(version, mode, product, db.up(), redisState(), startedAt,
                Duration.between(startedAt, now).withNanos(0));
    }

    private String redisState() {
        RedisConnectionFactory factory = redis.getIfAvailable();
        if (factory == null) {
            return "off";
        }
        try (RedisConnection connection = factory.getConnection()) {
            return "PONG".equalsIgnoreCase(connection.ping()) ? "connected" : "unreachable";
        } catch (RuntimeException e) {
            return "unreachable";
        }
    }
}

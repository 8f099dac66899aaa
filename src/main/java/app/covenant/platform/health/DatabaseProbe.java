package app.covenant.platform.health;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks the database, briefly, whether it answers and what it is. The answer comes within {@link #TIMEOUT}
 * whatever the pool's own timeout, so probes with a short timeout of their own get a real answer; a known
 * {@link DatabaseOutage} answers at once.
 */
@Component
public class DatabaseProbe {

    static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);
    private static final int QUERY_TIMEOUT_SECONDS = 1;
    private static final DatabaseState DOWN = new DatabaseState(false, null);

    private final DataSource dataSource;
    private final DatabaseOutage outage;
    private final Executor probes = runnable -> Thread.ofVirtual().name("database-probe").start(runnable);

    DatabaseProbe(DataSource dataSource, DatabaseOutage outage) {
        this.dataSource = dataSource;
        this.outage = outage;
    }

    public DatabaseState check() {
        if (outage.active()) {
            return DOWN;
        }
        CompletableFuture<DatabaseState> answer = CompletableFuture.supplyAsync(this::checkTwice, probes);
        try {
            return answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            log.warn("Database did not answer within {} ms", TIMEOUT.toMillis());
            return DOWN;
        } catch (ExecutionException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return DOWN;
        }
    }

    private DatabaseState checkTwice() {
        try {
            return query();
        } catch (SQLException first) {
            // A pooled connection cut by a database restart fails once and is evicted by the pool;
            // only a second failure, on a fresh connection, means the database is really down.
            try {
                return query();
            } catch (SQLException second) {
                log.warn("Database is not reachable: {}", second.getMessage());
                return DOWN;
            }
        }
    }

    private DatabaseState query() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            DatabaseMetaData metaData = connection.getMetaData();
            // "PostgreSQL 15.20", "H2 2.4.240": the version without the build details.
            String version = metaData.getDatabaseProductVersion().trim().split("\\s+")[0];
            return new DatabaseState(true, metaData.getDatabaseProductName() + " " + version);
        }
    }

    /** @param product e.g. {@code PostgreSQL 15.20}; {@code null} when unreachable */
    public record DatabaseState(boolean up, String product) {
    }
}

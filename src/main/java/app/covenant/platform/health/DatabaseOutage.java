package app.covenant.platform.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Remembers that the database does not answer, so that requests fail at once with {@code 503} instead of
 * each waiting for the connection pool's timeout. While the outage lasts, one background thread asks the
 * database again every {@link #RETRY_INTERVAL}; its first success ends the outage — no restart needed.
 */
public class DatabaseOutage implements AutoCloseable {

    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);
    /** What clients are told to wait before trying again ({@code Retry-After}). */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private final Clock clock;
    private final AtomicReference<Instant> since = new AtomicReference<>();
    private volatile boolean closed;

    public DatabaseOutage(Clock clock) {
        this.clock = clock;
    }

    public boolean active() {
        return since.get() != null;
    }

    /**
     * Starts an outage, unless one is already known, and watches {@code database} until it answers again.
     *
     * @param database the pool itself (not the fail-fast wrapper), asked from a background thread only
     */
    void begin(SQLException cause, DataSource database) {
        Instant now = clock.instant();
        if (!since.compareAndSet(null, now)) {
            return;
        }
        log.warn("The database does not answer ({}): requests are answered 503 at once until it does; asking it "
                + "again every {} s.", cause.getMessage(), RETRY_INTERVAL.toSeconds());
        Thread.ofVirtual().name("database-outage-watch").start(() -> watch(database));
    }

    private void watch(DataSource database) {
        while (!closed) {
            try {
                Thread.sleep(RETRY_INTERVAL);
                try (Connection connection = database.getConnection()) {
                    if (connection.isValid((int) RETRY_AFTER.toSeconds())) {
                        Instant started = since.getAndSet(null);
                        log.info("The database answers again after {} s.",
                                Duration.between(started, clock.instant()).toSeconds());
                        return;
                    }
                }
            } catch (SQLException stillDown) {
                log.debug("The database still does not answer: {}", stillDown.getMessage());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops watching: the application is shutting down and its pool is closed. */
    @Override
    public void close() {
        closed = true;
    }

    /** Whether the failure means the database cannot be reached (rather than a bad statement). */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof CannotCreateTransactionException
                    || isConnectionFailure(cause)) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) or 57P0x (server shutting down, not accepting connections). */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}

package app.covenant.platform.health;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Asks the database, briefly, whether it answers and what it is. */
@Component
public class DatabaseProbe {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DatabaseState check() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String product = metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
            return new DatabaseState(connection.isValid(VALIDATION_TIMEOUT_SECONDS), product.trim());
        } catch (SQLException e) {
            log.warn("Database is not reachable: {}", e.getMessage());
            return new DatabaseState(false, null);
        }
    }

    /** @param product e.g. {@code PostgreSQL 15.19}; {@code null} when unreachable */
    public record DatabaseState(boolean up, String product) {
    }
}

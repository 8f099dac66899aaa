package app.covenant.platform.health;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Asks the database, briefly, whether it answers and what it is. */
@Component
public class DatabaseProbe {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DatabaseState check() {
        try {
            return query();
        } catch (SQLException first) {
            // A pooled connection cut by a database restart fails once and is evicted by the pool;
            // only a second failure, on a fresh connection, means the database is really down.
            try {
                return query();
            } catch (SQLException second) {
                log.warn("Database is not reachable: {}", second.getMessage());
                return new DatabaseState(false, null);
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

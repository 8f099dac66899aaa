package app.covenant.platform.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source in front of the pool: while a {@link DatabaseOutage} is known it refuses
 * at once; a connection failure of the pool starts one.
 */
final class FailFastDataSource extends DelegatingDataSource {

    private final DatabaseOutage outage;

    FailFastDataSource(DataSource pool, DatabaseOutage outage) {
        super(pool);
        this.outage = outage;
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseDuringOutage();
        try {
            return obtainTargetDataSource().getConnection();
        } catch (SQLException failure) {
            noticeOutage(failure);
            throw failure;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseDuringOutage();
        try {
            return obtainTargetDataSource().getConnection(username, password);
        } catch (SQLException failure) {
            noticeOutage(failure);
            throw failure;
        }
    }

    private void refuseDuringOutage() throws SQLException {
        if (outage.active()) {
            throw new SQLTransientConnectionException("The database is not reachable (known outage)", "08001");
        }
    }

    private void noticeOutage(SQLException failure) {
        if (DatabaseOutage.isConnectionFailure(failure)) {
            outage.begin(failure, obtainTargetDataSource());
        }
    }
}

package app.covenant.insurance.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads every row of a report through a database cursor, a batch at a time, for the CSV export: the
 * PostgreSQL driver fetches in batches only inside a transaction with a fetch size, otherwise it would
 * hold the whole result in memory however long the report.
 */
@Component
class ReportStreams {

    static final int FETCH_SIZE = 500;

    /** What to do with each row (the cursor stands on it). */
    interface RowSink {
        void accept(ResultSet rs) throws SQLException;
    }

    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    ReportStreams(DataSource dataSource, PlatformTransactionManager transactions) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    void each(String sql, List<Object> args, RowSink sink) {
        readOnly.executeWithoutResult(status -> cursor.query(sql, rs -> {
            sink.accept(rs);
        }, args.toArray()));
    }
}

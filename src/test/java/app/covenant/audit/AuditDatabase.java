package app.covenant.audit;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Plain JDBC around the audit tables, as an operator (or an attacker) with database access would use it. */
final class AuditDatabase {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    AuditDatabase(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    long lastId() {
        return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_log", Long.class);
    }

    long count(String action) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = ?", Long.class, action);
    }

    List<Map<String, Object>> rows(String action) {
        return jdbc.queryForList("SELECT * FROM audit_log WHERE action = ? ORDER BY id", action);
    }

    Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT * FROM audit_log WHERE id = ?", id);
    }

    /** Runs SQL the way the retention job may (past the PostgreSQL trigger), committing at once. */
    void asRetention(String sql, Object... arguments) {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT set_config('covenant.audit_retention', 'on', true)", String.class);
            jdbc.update(sql, arguments);
        });
    }

    /** Puts a removed row back exactly as it was. */
    void reinsert(Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(column -> "?").toList());
        jdbc.update("INSERT INTO audit_log (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
    }
}

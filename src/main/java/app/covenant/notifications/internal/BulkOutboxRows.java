package app.covenant.notifications.internal;

import app.covenant.shared.persistence.DatabaseProduct;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inserts bulk messages (bodies to be rendered when sent). On PostgreSQL one multi-row {@code INSERT} per
 * {@value #CHUNK} rows: a statement per row, even batched, was most of a large fan-out's time. H2 takes a JDBC batch.
 */
@Repository
class BulkOutboxRows {

    /** One message as stored: its prepared values as JSON in place of the bodies. */
    record Row(UUID id, UUID organizationId, String toAddress, String subject, String template, String modelJson,
               boolean holdsLiveLink) {
    }

    // 10 parameters a row: 1,000 rows stay well under the driver's 32,767 parameters per statement.
    static final int CHUNK = 1000;
    private static final String VALUES = "(?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)";
    private static final String COLUMNS = "id, organization_id, to_address, subject, template, model_json, "
            + "holds_live_link, status, attempts, next_attempt_at, created_at, correlation_id";

    private final JdbcTemplate jdbc;
    private final DatabaseProduct database;

    BulkOutboxRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.database = new DatabaseProduct(jdbc);
    }

    // MANDATORY: the rows must commit or roll back with the change that caused the messages.
    @Transactional(propagation = Propagation.MANDATORY)
    void insertPending(List<Row> rows, String correlationId, Instant now) {
        Timestamp at = Timestamp.from(now);
        if (database.postgres()) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                jdbc.update(connection -> valuesInsert(connection, chunk, correlationId, at));
            }
            return;
        }
        jdbc.batchUpdate("insert into email_outbox (" + COLUMNS + ") values " + VALUES,
                rows.stream().map(row -> new Object[] {row.id(), row.organizationId(), row.toAddress(), row.subject(),
                        row.template(), row.modelJson(), row.holdsLiveLink(), at, at, correlationId}).toList());
    }

    // Plain parameters rather than unnest(arrays): the driver would quote and escape every JSON document into an
    // array literal and the server parse it back, which measured twice as slow.
    private static PreparedStatement valuesInsert(Connection connection, List<Row> chunk, String correlationId,
                                                  Timestamp at) throws SQLException {
        PreparedStatement insert = connection.prepareStatement("insert into email_outbox (" + COLUMNS + ") values "
                + String.join(", ", Collections.nCopies(chunk.size(), VALUES)));
        int index = 1;
        for (Row row : chunk) {
            insert.setObject(index++, row.id());
            insert.setObject(index++, row.organizationId());
            insert.setString(index++, row.toAddress());
            insert.setString(index++, row.subject());
            insert.setString(index++, row.template());
            insert.setString(index++, row.modelJson());
            insert.setBoolean(index++, row.holdsLiveLink());
            insert.setTimestamp(index++, at);
            insert.setTimestamp(index++, at);
            insert.setString(index++, correlationId);
        }
        return insert;
    }

}

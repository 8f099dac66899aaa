package app.covenant.platform.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code job_runs} table: one row per run, written at its start and completed at its end. */
@Repository
class JobRuns {

    /** One recorded run; {@code outcome} is empty while it runs, and forever if its node died. */
    record JobRunView(long id, String job, String instanceId, String node, Instant scheduledFor, Instant startedAt,
                      Instant finishedAt, Long durationMs, String outcome, String error, Map<String, Long> counts) {
    }

    enum Outcome { SUCCEEDED, FAILED }

    private static final String COLUMNS = "id, job_name, instance_id, node, scheduled_for, started_at, finished_at, "
            + "duration_ms, outcome, error_summary, counts";
    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<JobRunView> rows = this::map;

    JobRuns(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long start(String job, String instanceId, String node, Instant scheduledFor, Instant startedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("insert into job_runs (job_name, instance_id, node, "
                    + "scheduled_for, started_at) values (?, ?, ?, ?, ?)", new String[] {"id"});
            statement.setString(1, job);
            statement.setString(2, instanceId);
            statement.setString(3, node);
            statement.setTimestamp(4, timestamp(scheduledFor));
            statement.setTimestamp(5, timestamp(startedAt));
            return statement;
        }, key);
        return key.getKey().longValue();
    }

    void finish(long id, Outcome outcome, Instant finishedAt, long durationMs, String error, Map<String, Long> counts) {
        jdbc.update("update job_runs set finished_at = ?, duration_ms = ?, outcome = ?, error_summary = ?, counts = ? "
                        + "where id = ?", timestamp(finishedAt), durationMs, outcome.name(), error,
                counts.isEmpty() ? null : json.writeValueAsString(counts), id);
    }

    Optional<JobRunView> last(String job) {
        return jdbc.query("select " + COLUMNS + " from job_runs where job_name = ? order by started_at desc, id desc "
                + "limit 1", rows, job).stream().findFirst();
    }

    Page<JobRunView> history(String job, Pageable pageable) {
        List<JobRunView> content = jdbc.query("select " + COLUMNS + " from job_runs where job_name = ? "
                        + "order by started_at desc, id desc limit ? offset ?", rows, job, pageable.getPageSize(),
                pageable.getOffset());
        long total = jdbc.queryForObject("select count(*) from job_runs where job_name = ?", Long.class, job);
        return new PageImpl<>(content, pageable, total);
    }

    /** Set-based: one statement, whatever the number of rows. */
    int deleteStartedBefore(Instant cutoff) {
        return jdbc.update("delete from job_runs where started_at < ?", timestamp(cutoff));
    }

    private JobRunView map(ResultSet rs, int row) throws SQLException {
        String counts = rs.getString(11);
        return new JobRunView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                instant(rs, 6), instant(rs, 7), rs.getObject(8, Long.class), rs.getString(9), rs.getString(10),
                counts == null ? Map.of() : json.readValue(counts, COUNTS));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

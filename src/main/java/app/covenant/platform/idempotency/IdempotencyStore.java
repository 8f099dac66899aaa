package app.covenant.platform.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code idempotency_keys} table: claim a key, store the answer, read it back, forget old ones. */
@Component
class IdempotencyStore {

    static final Duration LIFETIME = Duration.ofHours(24);

    record Stored(String requestHash, Integer status, String contentType, String location, byte[] body) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code true} when this request now owns the key; the database's primary key decides races. */
    boolean claim(UUID userId, String key, String requestHash) {
        Instant now = clock.instant();
        jdbc.update("delete from idempotency_keys where user_id = ? and idempotency_key = ? and expires_at < ?",
                userId, key, Timestamp.from(now));
        try {
            jdbc.update("insert into idempotency_keys (user_id, idempotency_key, request_hash, created_at, expires_at) "
                    + "values (?, ?, ?, ?, ?)", userId, key, requestHash, Timestamp.from(now),
                    Timestamp.from(now.plus(LIFETIME)));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    Optional<Stored> find(UUID userId, String key) {
        List<Stored> rows = jdbc.query("select request_hash, status, content_type, location, body from idempotency_keys "
                + "where user_id = ? and idempotency_key = ?", (rs, i) -> new Stored(rs.getString(1),
                (Integer) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getBytes(5)), userId, key);
        return rows.stream().findFirst();
    }

    void complete(UUID userId, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update("update idempotency_keys set status = ?, content_type = ?, location = ?, body = ? "
                + "where user_id = ? and idempotency_key = ?", status, contentType, location, body, userId, key);
    }

    /** A failed attempt (5xx) may be retried with the same key. */
    void release(UUID userId, String key) {
        jdbc.update("delete from idempotency_keys where user_id = ? and idempotency_key = ?", userId, key);
    }

    int purgeExpired() {
        return jdbc.update("delete from idempotency_keys where expires_at < ?", Timestamp.from(clock.instant()));
    }
}

package app.covenant.signatures.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One-time codes in SQL: six digits, hashed with their link's id, valid ten minutes, five attempts. A new code
 * replaces the link's earlier ones.
 */
@Component
class SigningCodes {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 5;

    enum Outcome { VERIFIED, WRONG, EXHAUSTED, NONE }

    private final JdbcTemplate jdbc;

    SigningCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new code for the link (answers it, never stored in clear). */
    String issue(UUID linkId, Instant now) {
        jdbc.update("update signatures_codes set attempts = ? where link_id = ? and verified_at is null", MAX_ATTEMPTS,
                linkId);
        String code = Hashes.newCode();
        jdbc.update("insert into signatures_codes (id, link_id, code_hash, created_at, expires_at, attempts) "
                        + "values (?, ?, ?, ?, ?, 0)", UUID.randomUUID(), linkId, hash(linkId, code), Timestamp.from(now),
                Timestamp.from(now.plus(LIFETIME)));
        return code;
    }

    /** Checks {@code code} against the link's newest live code, counting the attempt. */
    Outcome verify(UUID linkId, String code, Instant now) {
        Optional<UUID> live = jdbc.query("select id from signatures_codes where link_id = ? and verified_at is null "
                        + "and expires_at > ? order by created_at desc", (rs, row) -> rs.getObject("id", UUID.class),
                linkId, Timestamp.from(now)).stream().findFirst();
        if (live.isEmpty()) {
            return Outcome.NONE;
        }
        UUID id = live.get();
        int counted = jdbc.update("update signatures_codes set attempts = attempts + 1 where id = ? and attempts < ?",
                id, MAX_ATTEMPTS);
        if (counted == 0) {
            return Outcome.EXHAUSTED;
        }
        String expected = jdbc.queryForObject("select code_hash from signatures_codes where id = ?", String.class, id);
        if (code == null || !code.matches("\\d{6}") || !expected.equals(hash(linkId, code))) {
            return Outcome.WRONG;
        }
        jdbc.update("update signatures_codes set verified_at = ? where id = ?", Timestamp.from(now), id);
        return Outcome.VERIFIED;
    }

    private static String hash(UUID linkId, String code) {
        return Hashes.sha256(linkId + ":" + code);
    }
}

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
    /** Codes one link may ask for per hour: each brings five tries, so this bounds the guesses too. */
    static final int MAX_CODES_PER_HOUR = 5;

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

    /** Whether the link asked for as many codes as it may within the last hour. */
    boolean tooMany(UUID linkId, Instant now) {
        Integer count = jdbc.queryForObject("select count(*) from signatures_codes where link_id = ? and created_at > ?",
                Integer.class, linkId, Timestamp.from(now.minus(Duration.ofHours(1))));
        return count != null && count >= MAX_CODES_PER_HOUR;
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

package app.covenant.signatures.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Signing links in SQL: only the SHA-256 of a token is stored; a signer's newest link is the only one that works. */
@Component
class SigningLinks {

    /** A stored link found by its token. */
    record Link(UUID id, UUID signerId, UUID envelopeId, Instant expiresAt, Instant usedAt, Instant revokedAt) {

        LinkState state(Instant now) {
            if (usedAt != null || revokedAt != null) {
                return LinkState.USED;
            }
            return now.isBefore(expiresAt) ? LinkState.USABLE : LinkState.EXPIRED;
        }
    }

    enum LinkState { USABLE, USED, EXPIRED }

    private final JdbcTemplate jdbc;

    SigningLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new link for {@code signerId}; every earlier one of theirs stops working. Answers the token (never stored). */
    String issue(UUID signerId, Instant now, Instant expiresAt) {
        jdbc.update("update signatures_links set revoked_at = ? where signer_id = ? and used_at is null "
                + "and revoked_at is null", Timestamp.from(now), signerId);
        String token = Hashes.newToken();
        jdbc.update("insert into signatures_links (id, signer_id, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(), signerId, Hashes.sha256(token), Timestamp.from(now), Timestamp.from(expiresAt));
        return token;
    }

    Optional<Link> find(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("select l.id, l.signer_id, s.envelope_id, l.expires_at, l.used_at, l.revoked_at "
                        + "from signatures_links l join signatures_signers s on s.id = l.signer_id where l.token_hash = ?",
                (rs, row) -> new Link(rs.getObject("id", UUID.class), rs.getObject("signer_id", UUID.class),
                        rs.getObject("envelope_id", UUID.class), EnvelopeRows.instant(rs, "expires_at"),
                        EnvelopeRows.instant(rs, "used_at"), EnvelopeRows.instant(rs, "revoked_at")),
                Hashes.sha256(token)).stream().findFirst();
    }

    /** Consumes the link; false when it was consumed meanwhile. */
    boolean use(UUID linkId, Instant now) {
        return jdbc.update("update signatures_links set used_at = ? where id = ? and used_at is null and revoked_at is null",
                Timestamp.from(now), linkId) == 1;
    }

    /** Ends a signer's open links (they signed another way, or the envelope is over). */
    void revokeAll(UUID signerId, Instant now) {
        jdbc.update("update signatures_links set revoked_at = ? where signer_id = ? and used_at is null "
                + "and revoked_at is null", Timestamp.from(now), signerId);
    }
}

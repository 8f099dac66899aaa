package app.covenant.notifications.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's rows. A sender first claims a message (its token and a lease in {@code next_attempt_at}),
 * and every later update is guarded by that token, so a message has at most one owner at a time.
 */
interface OutboxMessageRepository extends JpaRepository<OutboxMessage, UUID> {

    /**
     * Locks and reads due messages, skipping those another node is claiming right now (PostgreSQL and H2
     * both support it). Returns entities rather than ids: H2 hands a native UUID column back as bytes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @Query(nativeQuery = true, value = """
            SELECT * FROM email_outbox
            WHERE status = 'PENDING' AND next_attempt_at <= :now
            ORDER BY next_attempt_at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED""")
    List<OutboxMessage> lockDue(Instant now, int limit);

    @Transactional(propagation = Propagation.MANDATORY)
    @Modifying
    @Query("""
            update OutboxMessage m set m.claimToken = :token, m.nextAttemptAt = :leaseEnd
            where m.id in :ids""")
    int claimLocked(Collection<UUID> ids, UUID token, Instant leaseEnd);

    /** Claims one message if it is still due: the re-checked condition makes a racing claim find nothing. */
    @Transactional
    @Modifying
    @Query("""
            update OutboxMessage m set m.claimToken = :token, m.nextAttemptAt = :leaseEnd
            where m.id = :id and m.status = :pending and m.nextAttemptAt <= :now""")
    int claimIfDue(UUID id, UUID token, Instant now, Instant leaseEnd, OutboxStatus pending);

    @Transactional
    @Modifying
    @Query("""
            update OutboxMessage m
            set m.status = :sent, m.attempts = m.attempts + 1, m.sentAt = :sentAt, m.claimToken = null
            where m.id = :id and m.claimToken = :token""")
    int markSent(UUID id, UUID token, Instant sentAt, OutboxStatus sent);

    /** Replaces a delivered body: the recipient has the link, the outbox must not keep a usable copy. */
    @Transactional
    @Modifying
    @Query("update OutboxMessage m set m.bodyText = :text, m.bodyHtml = :html where m.id = :id")
    int redactBody(UUID id, String text, String html);

    @Transactional
    @Modifying
    @Query("""
            update OutboxMessage m
            set m.status = :status, m.attempts = m.attempts + 1, m.lastError = :error,
                m.nextAttemptAt = :nextAttemptAt, m.claimToken = null
            where m.id = :id and m.claimToken = :token""")
    int markFailedAttempt(UUID id, UUID token, OutboxStatus status, String error, Instant nextAttemptAt);

    @Transactional(propagation = Propagation.MANDATORY)
    @Modifying
    @Query("update OutboxMessage m set m.claimToken = null, m.nextAttemptAt = :now where m.claimToken = :token")
    int release(UUID token, Instant now);

    long countByStatus(OutboxStatus status);
}

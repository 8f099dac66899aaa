package app.covenant.identity.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, UUID> {

    /** Locked, so two concurrent uses of one token cannot both rotate it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<RefreshToken> findBySelector(String selector);

    List<RefreshToken> findByUserIdAndStatusOrderByIssuedAtDesc(UUID userId, RefreshToken.Status status);

    Optional<RefreshToken> findFirstByFamilyIdAndStatus(UUID familyId, RefreshToken.Status status);

    @Modifying
    @Query("""
            update RefreshToken t set t.status = 'REVOKED', t.revokedAt = :now, t.revokedReason = :reason
            where t.familyId = :familyId and t.status <> 'REVOKED'
            """)
    int revokeFamily(@Param("familyId") UUID familyId, @Param("now") Instant now, @Param("reason") String reason);

    @Modifying
    @Query("""
            update RefreshToken t set t.status = 'REVOKED', t.revokedAt = :now, t.revokedReason = :reason
            where t.userId = :userId and t.status <> 'REVOKED' and (:keep is null or t.familyId <> :keep)
            """)
    int revokeAllOfUser(@Param("userId") UUID userId, @Param("keep") UUID keepFamily, @Param("now") Instant now,
                        @Param("reason") String reason);

    /** The user's sessions in one organization (their membership there was suspended or removed). */
    @Modifying
    @Query("""
            update RefreshToken t set t.status = 'REVOKED', t.revokedAt = :now, t.revokedReason = :reason
            where t.userId = :userId and t.organizationId = :organizationId and t.status <> 'REVOKED'
            """)
    int revokeAllOfUserIn(@Param("userId") UUID userId, @Param("organizationId") UUID organizationId,
                          @Param("now") Instant now, @Param("reason") String reason);

    @Modifying
    @Query("delete from RefreshToken t where t.expiresAt < :before")
    int deleteExpiredBefore(@Param("before") Instant before);
}

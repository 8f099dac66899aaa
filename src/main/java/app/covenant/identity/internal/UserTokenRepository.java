package app.covenant.identity.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserTokenRepository extends JpaRepository<UserToken, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<UserToken> findByTokenHash(String tokenHash);

    /** A new link of a kind replaces the older ones, so only the latest e-mail works. */
    @Modifying
    @Query("update UserToken t set t.usedAt = :now where t.userId = :userId and t.purpose = :purpose and t.usedAt is null")
    int retireOpen(@Param("userId") UUID userId, @Param("purpose") UserToken.Purpose purpose, @Param("now") Instant now);

    /** A new invitation link to a membership replaces its older ones, never another membership's. */
    @Modifying
    @Query("update UserToken t set t.usedAt = :now where t.membershipId = :membershipId and t.usedAt is null")
    int retireOpenInvitations(@Param("membershipId") UUID membershipId, @Param("now") Instant now);

    /** Looks a link up without taking it (to show what it offers before it is used). */
    @Query("select t from UserToken t where t.tokenHash = :tokenHash")
    Optional<UserToken> peekByTokenHash(@Param("tokenHash") String tokenHash);

    @Modifying
    @Query("delete from UserToken t where t.expiresAt < :before")
    int deleteExpiredBefore(@Param("before") Instant before);
}

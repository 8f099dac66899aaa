package app.covenant.insurance.certificates;

import app.covenant.insurance.CoiStatus;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CoiRepository extends JpaRepository<Coi, UUID> {

    /**
     * The certificate, its row locked until the transaction ends: transitions of one certificate run one after
     * the other (two per-policy brokers signing at once, a reviewer and the expiry job), never interleaved.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Coi c where c.id = :id")
    Optional<Coi> lockById(@Param("id") UUID id);

    /** Certificates of a sub on a project that are not over (for "one open request per sub and project"). */
    @Query("select c from Coi c where c.projectId = :project and c.subId = :sub and c.status <> app.covenant.insurance.CoiStatus.EXPIRED")
    List<Coi> findOpen(@Param("project") UUID projectId, @Param("sub") UUID subId);

    /** The sub's latest approved certificate on another project: the master certificate. */
    @Query("select c from Coi c where c.subId = :sub and c.projectId <> :project and c.status = app.covenant.insurance.CoiStatus.ACTIVE "
            + "order by c.reviewedAt desc, c.createdAt desc limit 1")
    Optional<Coi> findLatestActiveElsewhere(@Param("sub") UUID subId, @Param("project") UUID projectId);

    /** Ids of active certificates whose earliest policy expired by {@code today} (index on status, earliest_expiration). */
    @Query("select c.id from Coi c where c.status = :status and c.earliestExpiration <= :today order by c.earliestExpiration")
    List<UUID> findDue(@Param("status") CoiStatus status, @Param("today") LocalDate today);

    /**
     * Records the status of the certificates' hold-harmless agreements (holdharmless owns it; the entity maps the
     * column read-only). A bulk statement: the certificates' versions stay, so no reviewer's action is refused as stale.
     */
    @Modifying
    @Query("update Coi c set c.holdHarmlessStatus = :status, c.updatedAt = :at where c.id in :ids")
    int recordHoldHarmlessStatus(@Param("ids") Collection<UUID> ids, @Param("status") String status,
                                 @Param("at") Instant at);
}

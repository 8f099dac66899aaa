package app.covenant.notifications.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** A user's notifications in one organization; every query is scoped by both. */
interface InAppNotificationRepository extends JpaRepository<InAppNotification, UUID> {

    @Query(value = """
            select n from InAppNotification n
            where n.userId = :userId and n.organizationId = :organizationId
              and (:unreadOnly = false or n.readAt is null) and (:type is null or n.type = :type)
            order by n.createdAt desc, n.id desc""",
            countQuery = """
            select count(n) from InAppNotification n
            where n.userId = :userId and n.organizationId = :organizationId
              and (:unreadOnly = false or n.readAt is null) and (:type is null or n.type = :type)""")
    Page<InAppNotification> findPage(UUID userId, UUID organizationId, boolean unreadOnly, String type,
                                     Pageable pageable);

    long countByUserIdAndOrganizationIdAndReadAtIsNull(UUID userId, UUID organizationId);

    Optional<InAppNotification> findByIdAndUserIdAndOrganizationId(UUID id, UUID userId, UUID organizationId);

    @Modifying
    @Query("""
            update InAppNotification n set n.readAt = :now
            where n.id = :id and n.userId = :userId and n.organizationId = :organizationId and n.readAt is null""")
    int markRead(UUID id, UUID userId, UUID organizationId, Instant now);

    @Modifying
    @Query("""
            update InAppNotification n set n.readAt = :now
            where n.userId = :userId and n.organizationId = :organizationId and n.readAt is null""")
    int markAllRead(UUID userId, UUID organizationId, Instant now);
}

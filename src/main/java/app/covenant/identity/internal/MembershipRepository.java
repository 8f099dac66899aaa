package app.covenant.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MembershipRepository extends JpaRepository<Membership, UUID> {

    Optional<Membership> findByUserIdAndOrganizationId(UUID userId, UUID organizationId);

    List<Membership> findByUserIdAndStatusOrderByCreatedAtAsc(UUID userId, Membership.Status status);

    /** The organizations the user works in now (accepted and not suspended), oldest first. */
    default List<Membership> findActiveByUserId(UUID userId) {
        return findByUserIdAndStatusOrderByCreatedAtAsc(userId, Membership.Status.ACTIVE);
    }

    List<Membership> findByUserIdInAndOrganizationId(Collection<UUID> userIds, UUID organizationId);

    boolean existsByRoleId(UUID roleId);

    boolean existsByUserIdAndOrganizationIdAndStatus(UUID userId, UUID organizationId, Membership.Status status);

    /** Whether the user works in the organization now: an accepted membership that is not suspended. */
    default boolean isMember(UUID userId, UUID organizationId) {
        return existsByUserIdAndOrganizationIdAndStatus(userId, organizationId, Membership.Status.ACTIVE);
    }

    /** The organizations that hold the account: memberships the person accepted (suspended ones too). */
    @Query("select m.organizationId from Membership m where m.userId = :userId and m.status <> 'PENDING'")
    List<UUID> acceptedOrganizations(@Param("userId") UUID userId);

    /** {@link #acceptedOrganizations} of several users at once (a page of members). */
    @Query("select m from Membership m where m.userId in :userIds and m.status <> 'PENDING'")
    List<Membership> findAcceptedByUserIdIn(@Param("userIds") Collection<UUID> userIds);
}

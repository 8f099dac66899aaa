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

    List<Membership> findByUserIdOrderByCreatedAtAsc(UUID userId);

    List<Membership> findByUserIdInAndOrganizationId(Collection<UUID> userIds, UUID organizationId);

    boolean existsByRoleId(UUID roleId);

    @Query("select count(m) > 0 from Membership m where m.organizationId = :organizationId and m.userId = :userId")
    boolean isMember(@Param("userId") UUID userId, @Param("organizationId") UUID organizationId);
}

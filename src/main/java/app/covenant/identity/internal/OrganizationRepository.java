package app.covenant.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrganizationRepository extends JpaRepository<Organization, UUID> {

    Optional<Organization> findByCode(String code);

    List<Organization> findByIdIn(Collection<UUID> ids);

    Page<Organization> findByIdIn(Collection<UUID> ids, Pageable pageable);

    /** The given organizations and the entities directly under them. */
    @Query("select o from Organization o where o.id in :ids or o.parentId in :ids")
    Page<Organization> findWithEntities(@Param("ids") Collection<UUID> ids, Pageable pageable);
}

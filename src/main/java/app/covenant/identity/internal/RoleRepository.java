package app.covenant.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RoleRepository extends JpaRepository<Role, UUID> {

    @Query("select r from Role r where r.scopeKey = 'system' and r.code = :code")
    Optional<Role> findSystem(@Param("code") String code);

    @EntityGraph(attributePaths = "permissions")
    @Query("select r from Role r where r.scopeKey = 'system' or r.organizationId = :organizationId order by r.system desc, r.name")
    List<Role> findVisibleTo(@Param("organizationId") UUID organizationId);

    @EntityGraph(attributePaths = "permissions")
    @Query("select r from Role r where r.scopeKey = 'system'")
    List<Role> findAllSystem();

    @EntityGraph(attributePaths = "permissions")
    @Query("select r from Role r where r.id = :id")
    Optional<Role> findWithPermissions(@Param("id") UUID id);

    @Query("""
            select r from Role r
            where r.code = :code and (r.scopeKey = 'system' or r.organizationId = :organizationId)
            order by r.system asc
            """)
    List<Role> findByCodeFor(@Param("code") String code, @Param("organizationId") UUID organizationId);

    List<Role> findByIdIn(Collection<UUID> ids);
}

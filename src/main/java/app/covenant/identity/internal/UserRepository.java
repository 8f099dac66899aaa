package app.covenant.identity.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserRepository extends JpaRepository<User, UUID> {

    Optional<User> findByEmailNormalized(String emailNormalized);

    @Query("""
            select u from User u
            where u.id in (select m.userId from Membership m where m.organizationId = :organizationId)
              and (:q is null or lower(u.name) like :q escape '\\' or u.emailNormalized like :q escape '\\')
            """)
    Page<User> findInOrganization(@Param("organizationId") UUID organizationId, @Param("q") String q,
                                  Pageable pageable);
}

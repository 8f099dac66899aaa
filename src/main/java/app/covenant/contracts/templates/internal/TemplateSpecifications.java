package app.covenant.contracts.templates.internal;

import app.covenant.contracts.templates.TemplateFilter;
import app.covenant.shared.persistence.LikePatterns;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

/** The library's query: the templates available to an organization, filtered. */
final class TemplateSpecifications {

    private TemplateSpecifications() {
    }

    static Specification<ContractTemplate> of(UUID organizationId, TemplateFilter filter) {
        return (root, query, cb) -> {
            Subquery<UUID> enabled = query.subquery(UUID.class);
            Root<ContractTemplate> other = enabled.from(ContractTemplate.class);
            Join<ContractTemplate, UUID> organizations = other.join("enabledFor");
            enabled.select(other.get("id")).where(cb.equal(organizations, organizationId));
            List<Predicate> where = new ArrayList<>();
            where.add(cb.or(cb.isNull(root.get("ownerOrganizationId")), root.get("id").in(enabled)));
            if (filter.category() != null) {
                where.add(cb.equal(root.get("category"), filter.category()));
            }
            if (filter.active() != null) {
                where.add(cb.equal(root.get("active"), filter.active()));
            }
            String pattern = LikePatterns.containing(filter.q());
            if (pattern != null) {
                where.add(cb.or(cb.like(cb.lower(root.get("name")), pattern, LikePatterns.ESCAPE),
                        cb.like(cb.lower(root.get("code")), pattern, LikePatterns.ESCAPE),
                        cb.like(cb.lower(root.get("description")), pattern, LikePatterns.ESCAPE)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}

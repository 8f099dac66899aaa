package app.covenant.insurance.programs;

import app.covenant.identity.events.OrganizationCreated;
import app.covenant.insurance.compliance.LimitKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every organization starts with the "Standard subcontractor program" (INSURANCE.md's typical defaults) as
 * its default: seeded at startup for the organizations that have no program yet, and for each organization
 * created later. Safe on several nodes: each organization is seeded in its own transaction, and the unique
 * (organization, name) key lets only one node's insert win — the other's rolls back quietly.
 */
@Component
public class DefaultPrograms {

    static final String NAME = "Standard subcontractor program";

    private static final Logger log = LoggerFactory.getLogger(DefaultPrograms.class);
    private static final long MILLION = 1_000_000L;

    private final ProgramRows rows;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DefaultPrograms(ProgramRows rows, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    static ProgramRequest standard() {
        Map<LimitKey, Long> minimums = Map.of(
                LimitKey.GL_EACH_OCCURRENCE, MILLION,
                LimitKey.GL_GENERAL_AGGREGATE, 2 * MILLION,
                LimitKey.GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE, 2 * MILLION,
                LimitKey.AUTO_COMBINED_SINGLE_LIMIT, MILLION,
                LimitKey.WC_EL_EACH_ACCIDENT, MILLION,
                LimitKey.WC_EL_DISEASE_EACH_EMPLOYEE, MILLION,
                LimitKey.WC_EL_DISEASE_POLICY_LIMIT, MILLION,
                LimitKey.UMBRELLA_EACH_OCCURRENCE, 2 * MILLION,
                LimitKey.UMBRELLA_AGGREGATE, 2 * MILLION);
        List<ProgramRequest.Tier> tiers = List.of(
                new ProgramRequest.Tier("High-risk trades", tierMinimums(2, 4, 10),
                        List.of("Roofing", "Demolition", "Excavation", "Crane", "Steel erection", "Scaffolding"), false),
                new ProgramRequest.Tier("Electrical & mechanical", tierMinimums(1, 2, 5),
                        List.of("Electrical", "Plumbing", "HVAC", "Fire protection", "Elevator"), false),
                new ProgramRequest.Tier("All other trades", Map.of(LimitKey.UMBRELLA_EACH_OCCURRENCE, 2 * MILLION,
                        LimitKey.UMBRELLA_AGGREGATE, 2 * MILLION), List.of(), true));
        return new ProgramRequest(NAME, "The organization's default requirements for subcontractors: higher limits for "
                + "high-risk and electrical/mechanical trades.", true, minimums, true, true, true, true, true, true, true,
                false, null, null, List.of("CG 20 10", "CG 20 37"), tiers);
    }

    private static Map<LimitKey, Long> tierMinimums(long occurrence, long aggregate, long umbrella) {
        return Map.of(LimitKey.GL_EACH_OCCURRENCE, occurrence * MILLION,
                LimitKey.GL_GENERAL_AGGREGATE, aggregate * MILLION,
                LimitKey.GL_PRODUCTS_COMPLETED_OPERATIONS_AGGREGATE, aggregate * MILLION,
                LimitKey.UMBRELLA_EACH_OCCURRENCE, umbrella * MILLION,
                LimitKey.UMBRELLA_AGGREGATE, umbrella * MILLION);
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedExisting() {
        List<UUID> missing = jdbc.queryForList("select o.id from organizations o where not exists "
                + "(select 1 from insurance_programs p where p.organization_id = o.id)", UUID.class);
        missing.forEach(this::seed);
        if (!missing.isEmpty()) {
            log.info("Seeded the default insurance program into {} organization(s)", missing.size());
        }
    }

    @ApplicationModuleListener
    void on(OrganizationCreated created) {
        seed(created.organizationId());
    }

    /**
     * Seeds the standard program into an organization that has no program; true when this call did. Public for
     * the demo data, which needs the program before the application is ready.
     */
    public boolean seed(UUID organizationId) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                Boolean none = jdbc.queryForObject("select count(*) = 0 from insurance_programs where organization_id = ?",
                        Boolean.class, organizationId);
                if (!Boolean.TRUE.equals(none)) {
                    return false;
                }
                rows.insert(UUID.randomUUID(), organizationId, standard(), true, clock.instant());
                return true;
            }));
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }
}

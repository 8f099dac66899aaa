package app.covenant.insurance.certificates;

import app.covenant.support.TestTenants.Tenant;
import app.covenant.shared.security.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows the projects and contractors part of the module writes (contractors, people linked to them, projects,
 * assignments with trades, programs), inserted with plain SQL so these tests do not depend on that code.
 */
final class InsuranceFixtures {

    private final JdbcTemplate jdbc;

    InsuranceFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    UUID contractor(Tenant tenant, String type, String name, String contactEmail) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_contractors (id, organization_id, type, name, contact_email, status, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)", id, tenant.organizationId(), type,
                name, contactEmail, now, now);
        return id;
    }

    void link(UUID contractorId, UUID userId) {
        jdbc.update("insert into insurance_contractor_users (contractor_id, user_id) values (?, ?)", contractorId, userId);
    }

    void workFor(UUID gcId, UUID subId) {
        jdbc.update("insert into insurance_gc_subcontractors (gc_id, sub_id, created_at) values (?, ?, ?)", gcId, subId,
                Timestamp.from(Instant.now()));
    }

    UUID project(Tenant tenant, UUID gcId, String name, UUID programId, LocalDate end, String overrides) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_projects (id, organization_id, gc_id, name, status, owner_entity, end_date, "
                + "program_id, program_overrides, created_at, updated_at) values (?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?)",
                id, tenant.organizationId(), gcId, name, "Owner of " + name, end, programId, overrides, now, now);
        return id;
    }

    UUID assign(UUID projectId, UUID subId, String... trades) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into insurance_project_assignments (id, project_id, sub_id, created_at) values (?, ?, ?, ?)",
                id, projectId, subId, Timestamp.from(Instant.now()));
        for (String trade : trades) {
            jdbc.update("insert into insurance_assignment_trades (assignment_id, trade, trade_key) values (?, ?, ?)", id,
                    trade, trade.strip().toLowerCase(Locale.ROOT));
        }
        return id;
    }

    /** A program requiring GL $1M/$2M and nothing else (no AI/WOS/P&NC), with a roofing tier of GL $5M. */
    UUID program(Tenant tenant, boolean isDefault) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_programs (id, organization_id, name, is_default, gl_each_occurrence, "
                + "gl_general_aggregate, wc_statutory_required, ai_required, wos_required, pnc_required, "
                + "hold_harmless_required, created_at, updated_at) values (?, ?, ?, ?, 1000000, 2000000, false, false, "
                + "false, false, false, ?, ?)", id, tenant.organizationId(), "Program " + id, isDefault, now, now);
        UUID tier = UUID.randomUUID();
        jdbc.update("insert into insurance_program_tiers (id, program_id, sort_order, name, all_other_trades, "
                + "gl_each_occurrence) values (?, ?, 0, 'Roofing tier', false, 5000000)", tier, id);
        jdbc.update("insert into insurance_program_tier_trades (program_id, tier_id, trade, trade_key) values (?, ?, "
                + "'Roofing', 'roofing')", id, tier);
        return id;
    }

    /** The caller as the application would load it: the system role's permissions from the database. */
    Caller caller(Tenant tenant, String role) {
        Set<String> permissions = new HashSet<>(jdbc.queryForList("select rp.permission_code from role_permissions rp "
                + "join roles r on r.id = rp.role_id where r.scope_key = 'system' and r.code = ?", String.class, role));
        return new Caller(tenant.userId(role), tenant.email(role), "Test " + role, tenant.organizationId(), Set.of(role),
                permissions, UUID.randomUUID());
    }

    List<String> outboxSubjects(String address) {
        return jdbc.queryForList("select subject from email_outbox where to_address = ? order by created_at",
                String.class, address);
    }

    List<String> outboxBodies(String address) {
        return jdbc.queryForList("select body_text from email_outbox where to_address = ? order by created_at",
                String.class, address);
    }

    String status(UUID coiId) {
        return jdbc.queryForObject("select status from insurance_cois where id = ?", String.class, coiId);
    }

    String standing(UUID contractorId) {
        List<String> found = jdbc.queryForList("select insurance_status from insurance_contractor_standing where "
                + "contractor_id = ?", String.class, contractorId);
        return found.isEmpty() ? null : found.getFirst();
    }
}

package app.covenant.insurance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Insurance records for tests, written with plain SQL (like {@code TestTenants}) so tests do not depend on
 * the code they check: contractors and their people, brokers, projects and assignments, certificates with
 * their brokers, policies, limits and deficiencies, and a contractor's stored insurance status.
 */
public final class InsuranceRows {

    private final JdbcTemplate jdbc;

    public InsuranceRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public UUID generalContractor(UUID organizationId, String name) {
        return contractor(organizationId, "GENERAL_CONTRACTOR", name, "ACTIVE");
    }

    public UUID subcontractor(UUID organizationId, String name) {
        return contractor(organizationId, "SUBCONTRACTOR", name, "ACTIVE");
    }

    public UUID contractor(UUID organizationId, String type, String name, String status) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into insurance_contractors (id, organization_id, type, name, contact_email, status, "
                + "assigned_admin_email, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, organizationId,
                type, name, "contact-" + id + "@example.com", status, "admin-" + id.toString().substring(0, 8) + "@example.com",
                now(), now());
        return id;
    }

    /** The sub's stored insurance status (no row: pending). */
    public void standing(UUID contractorId, String insuranceStatus) {
        jdbc.update("insert into insurance_contractor_standing (contractor_id, organization_id, insurance_status, computed_at) "
                + "select id, organization_id, ?, ? from insurance_contractors where id = ?", insuranceStatus, now(),
                contractorId);
    }

    /** A sub works for a GC. */
    public void worksFor(UUID subId, UUID gcId) {
        jdbc.update("insert into insurance_gc_subcontractors (gc_id, sub_id, created_at) values (?, ?, ?)", gcId, subId,
                now());
    }

    /** A user (role CONTRACTOR or SUBCONTRACTOR) is one of the company's people. */
    public void link(UUID contractorId, UUID userId) {
        jdbc.update("insert into insurance_contractor_users (contractor_id, user_id) values (?, ?)", contractorId, userId);
    }

    public UUID broker(UUID organizationId, String name, String email, UUID userId) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into insurance_brokers (id, organization_id, name, company, email, user_id, created_at, "
                + "updated_at) values (?, ?, ?, 'Brokerage Inc', ?, ?, ?, ?)", id, organizationId, name, email, userId,
                now(), now());
        return id;
    }

    public UUID project(UUID organizationId, UUID gcId, String name, String status) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into insurance_projects (id, organization_id, gc_id, name, status, assigned_admin_email, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", id, organizationId, gcId, name, status,
                "project-admin@example.com", now(), now());
        return id;
    }

    public UUID assign(UUID projectId, UUID subId) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into insurance_project_assignments (id, project_id, sub_id, created_at) values (?, ?, ?, ?)",
                id, projectId, subId, now());
        return id;
    }

    /** A certificate of the sub on the project (the GC is the project's), created at {@code createdAt}. */
    public UUID coi(UUID projectId, UUID subId, String status, Instant createdAt) {
        UUID id = UUID.randomUUID();
        Timestamp requested = "AWAITING_ADMIN_REVIEW".equals(status) ? Timestamp.from(createdAt) : null;
        jdbc.update("insert into insurance_cois (id, organization_id, project_id, sub_id, gc_id, status, "
                + "review_requested_at, created_at, updated_at) select ?, p.organization_id, p.id, ?, p.gc_id, ?, ?, ?, ? "
                + "from insurance_projects p where p.id = ?", id, subId, status, requested, Timestamp.from(createdAt),
                Timestamp.from(createdAt), projectId);
        return id;
    }

    public UUID coi(UUID projectId, UUID subId, String status) {
        return coi(projectId, subId, status, Instant.now());
    }

    /** The broker named on a certificate for {@code line} (GLOBAL or one line), with its contact copied. */
    public void coiBroker(UUID coiId, String line, UUID brokerId) {
        jdbc.update("insert into insurance_coi_brokers (coi_id, line, broker_id, name, company, email) "
                + "select ?, ?, b.id, b.name, b.company, b.email from insurance_brokers b where b.id = ?", coiId, line,
                brokerId);
    }

    /** A policy row with one limit, expiring on {@code expiration}. */
    public UUID policy(UUID coiId, String line, String insurer, String number, LocalDate expiration) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into insurance_coi_policies (id, coi_id, line, insurer_name, policy_number, effective_date, "
                + "expiration_date, additional_insured, waiver_of_subrogation) values (?, ?, ?, ?, ?, ?, ?, true, true)",
                id, coiId, line, insurer, number, Date.valueOf(expiration.minusYears(1)), Date.valueOf(expiration));
        jdbc.update("insert into insurance_coi_policy_limits (policy_id, limit_key, amount) values (?, 'EACH_OCCURRENCE', 1000000)",
                id);
        return id;
    }

    public void deficiency(UUID coiId, int order, String code) {
        jdbc.update("insert into insurance_coi_deficiencies (coi_id, sort_order, code, line, message) values (?, ?, ?, 'GL', ?)",
                coiId, order, code, "Fix " + code);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}

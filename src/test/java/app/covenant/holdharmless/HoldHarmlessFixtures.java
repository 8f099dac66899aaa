package app.covenant.holdharmless;

import static org.awaitility.Awaitility.await;

import app.covenant.insurance.CertificateApproved;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A certificate of a fresh tenant whose program requires the agreement (the sub and the GC each with the tenant's
 * SUBCONTRACTOR / CONTRACTOR user linked), approved as insurance approves it: {@link CertificateApproved} published
 * in a transaction, which generates the agreement after the commit (as in {@link HoldHarmlessFlowTest}).
 */
final class HoldHarmlessFixtures {

    final Tenant tenant;
    final String subEmail;
    final String gcEmail;
    final UUID gc;
    final UUID sub;
    final UUID program;
    final UUID project;
    final UUID coi;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HoldHarmlessFixtures(JdbcTemplate jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
                         Clock clock, String subEmail, String gcEmail) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.subEmail = subEmail;
        this.gcEmail = gcEmail;
        tenant = TestTenants.create(jdbc);
        gc = contractor("GENERAL_CONTRACTOR", "Hudson Builders", null);
        sub = contractor("SUBCONTRACTOR", "Spark & Sons Electric", subEmail);
        link(gc, tenant.userId("CONTRACTOR"));
        link(sub, tenant.userId("SUBCONTRACTOR"));
        program = program();
        project = project();
        coi = certificate();
    }

    /** Approves the certificate and answers its agreement's id once recorded (its generation may still run). */
    UUID approve() {
        transactions.executeWithoutResult(status -> events.publishEvent(new CertificateApproved(tenant.organizationId(),
                coi, project, sub, gc, tenant.userId("MANAGER"), clock.instant())));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from hold_harmless_agreements where coi_id = ?", Integer.class, coi) == 1);
        return jdbc.queryForObject("select id from hold_harmless_agreements where coi_id = ?", UUID.class, coi);
    }

    /** Waits until the agreement {@code id} is in {@code status}. */
    void awaitStatus(UUID id, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(status(id)));
    }

    String status(UUID id) {
        return jdbc.queryForObject("select status from hold_harmless_agreements where id = ?", String.class, id);
    }

    /** Makes the program's template name an unknown placeholder, so generation fails. */
    void breakTemplate() {
        jdbc.update("update insurance_programs set hold_harmless_template = ? where id = ?",
                "<p>{{PROJECT_NAME}} for {{NOT_A_FIELD}}</p>", program);
    }

    /** Back to the organization's default template. */
    void fixTemplate() {
        jdbc.update("update insurance_programs set hold_harmless_template = null where id = ?", program);
    }

    private UUID contractor(String type, String name, String email) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_contractors (id, organization_id, type, name, contact_email, status, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)", id, tenant.organizationId(), type,
                name, email, now, now);
        return id;
    }

    private void link(UUID contractorId, UUID userId) {
        jdbc.update("insert into insurance_contractor_users (contractor_id, user_id) values (?, ?)", contractorId,
                userId);
    }

    private UUID program() {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_programs (id, organization_id, name, is_default, wc_statutory_required, "
                + "ai_required, wos_required, pnc_required, hold_harmless_required, hold_harmless_template, created_at, "
                + "updated_at) values (?, ?, 'HH program', false, false, false, false, false, true, null, ?, ?)", id,
                tenant.organizationId(), now, now);
        return id;
    }

    private UUID project() {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_projects (id, organization_id, gc_id, name, address, status, "
                + "owner_entity, contact_name, contact_email, program_id, end_date, created_at, updated_at) values "
                + "(?, ?, ?, 'Hudson Tower', '475 Bond Street, Brooklyn, NY 11231', 'ACTIVE', 'Owner of Hudson Tower', "
                + "'Gale Contractor', ?, ?, ?, ?, ?)", id, tenant.organizationId(), gc, gcEmail, program,
                java.sql.Date.valueOf("2032-06-30"), now, now);
        return id;
    }

    private UUID certificate() {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_cois (id, organization_id, project_id, sub_id, gc_id, status, "
                + "earliest_expiration, created_at, updated_at) values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)", id,
                tenant.organizationId(), project, sub, gc, java.sql.Date.valueOf("2031-03-31"), now, now);
        return id;
    }
}

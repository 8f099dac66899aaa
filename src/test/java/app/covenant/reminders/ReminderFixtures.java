package app.covenant.reminders;

import app.covenant.support.TestTenants.Tenant;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Insurance rows the reminders read through the view, written with plain SQL (a GC, a sub, a project, COIs). */
final class ReminderFixtures {

    final JdbcTemplate jdbc;
    final Tenant tenant;
    final UUID gc;
    final UUID sub;
    final UUID project;
    final String subEmail;

    ReminderFixtures(JdbcTemplate jdbc, Tenant tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        String domain = tenant.code().toLowerCase() + ".test";
        this.gc = contractor("GENERAL_CONTRACTOR", "Hudson Builders", null);
        this.subEmail = "office@electric." + domain;
        this.sub = contractor("SUBCONTRACTOR", "Demo Electric", subEmail);
        this.project = project("Hudson Tower");
    }

    UUID contractor(String type, String name, String contactEmail) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_contractors (id, organization_id, type, name, contact_email, status, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)", id, tenant.organizationId(), type,
                name, contactEmail, now, now);
        return id;
    }

    UUID project(String name) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_projects (id, organization_id, gc_id, name, status, owner_entity, "
                + "created_at, updated_at) values (?, ?, ?, ?, 'ACTIVE', ?, ?, ?)", id, tenant.organizationId(), gc,
                name, "Owner of " + name, now, now);
        return id;
    }

    void link(UUID contractorId, UUID userId) {
        jdbc.update("insert into insurance_contractor_users (contractor_id, user_id) values (?, ?)", contractorId, userId);
    }

    UUID broker(String email, UUID userId) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_brokers (id, organization_id, name, email, user_id, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", id, tenant.organizationId(), "Broker " + email, email, userId, now, now);
        return id;
    }

    /** A certificate of {@code sub} on {@code project} with a GL policy, created at {@code createdAt}. */
    UUID coi(UUID projectId, UUID subId, String status, String adminEmail, UUID brokerId, String brokerEmail,
             Instant createdAt, LocalDate glExpires) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(createdAt);
        jdbc.update("insert into insurance_cois (id, organization_id, project_id, sub_id, gc_id, status, broker_type, "
                + "assigned_admin_email, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'GLOBAL', ?, ?, ?)", id,
                tenant.organizationId(), projectId, subId, gc, status, adminEmail, at, at);
        if (brokerId != null) {
            jdbc.update("insert into insurance_coi_brokers (coi_id, line, broker_id, name, email) values (?, 'GLOBAL', ?, "
                    + "'Brooke Broker', ?)", id, brokerId, brokerEmail);
        }
        if (glExpires != null) {
            policy(id, "GL", "GL-" + id.toString().substring(0, 6), glExpires);
        }
        return id;
    }

    void policy(UUID coiId, String line, String number, LocalDate expires) {
        jdbc.update("insert into insurance_coi_policies (id, coi_id, line, policy_number, effective_date, expiration_date,"
                + " additional_insured, waiver_of_subrogation) values (?, ?, ?, ?, ?, ?, false, false)",
                UUID.randomUUID(), coiId, line, number, expires.minusYears(1), expires);
    }

    List<String> types(UUID coiId) {
        return jdbc.queryForList("select reminder_type || '@' || cast(due_date as varchar) from "
                + "reminders_expiration_reminders where coi_id = ? order by sent_at, due_date", String.class, coiId);
    }

    List<String> subjectsTo(String address) {
        return jdbc.queryForList("select subject from email_outbox where to_address = ? order by created_at",
                String.class, address);
    }

    /** The text of the latest e-mail to {@code address}; a bulk one not sent yet: its model, which holds the text. */
    String bodyTo(String address) {
        return jdbc.queryForList("select coalesce(body_text, model_json) from email_outbox where to_address = ?"
                + " order by created_at",
                String.class, address).getLast();
    }
}

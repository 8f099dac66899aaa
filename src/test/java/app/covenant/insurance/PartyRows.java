package app.covenant.insurance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Insurance records for tests written with plain SQL (so tests do not depend on the code they check):
 * contractors, links, projects, assignments, and the certificate rows a broker is named on.
 */
public final class PartyRows {

    private PartyRows() {
    }

    public static UUID contractor(JdbcTemplate jdbc, UUID organizationId, String type, String name) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_contractors (id, organization_id, type, name, contact_email, status, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)", id, organizationId, type, name,
                "office@" + id.toString().substring(0, 8) + ".test", now, now);
        return id;
    }

    public static void linkUser(JdbcTemplate jdbc, UUID contractorId, UUID userId) {
        jdbc.update("insert into insurance_contractor_users (contractor_id, user_id) values (?, ?)", contractorId, userId);
    }

    public static void linkSub(JdbcTemplate jdbc, UUID gcId, UUID subId) {
        jdbc.update("insert into insurance_gc_subcontractors (gc_id, sub_id, created_at) values (?, ?, ?)", gcId, subId,
                Timestamp.from(Instant.now()));
    }

    public static UUID project(JdbcTemplate jdbc, UUID organizationId, UUID gcId, String name) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_projects (id, organization_id, gc_id, name, status, created_at, updated_at) "
                + "values (?, ?, ?, ?, 'ACTIVE', ?, ?)", id, organizationId, gcId, name, now, now);
        return id;
    }

    public static UUID assign(JdbcTemplate jdbc, UUID projectId, UUID subId) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into insurance_project_assignments (id, project_id, sub_id, created_at) values (?, ?, ?, ?)",
                id, projectId, subId, Timestamp.from(Instant.now()));
        return id;
    }

    /** A certificate of the sub on the project with {@code brokerUserId} named as its GLOBAL broker (or none). */
    public static UUID coi(JdbcTemplate jdbc, UUID organizationId, UUID projectId, UUID subId, UUID gcId, String status,
                           UUID brokerUserId) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into insurance_cois (id, organization_id, project_id, sub_id, gc_id, status, created_at, "
                + "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", id, organizationId, projectId, subId, gcId, status, now, now);
        if (brokerUserId != null) {
            UUID broker = UUID.randomUUID();
            String email = "broker-" + broker.toString().substring(0, 8) + "@example.test";
            jdbc.update("insert into insurance_brokers (id, organization_id, name, email, user_id, created_at, updated_at) "
                    + "values (?, ?, 'Broker', ?, ?, ?, ?)", broker, organizationId, email, brokerUserId, now, now);
            jdbc.update("insert into insurance_coi_brokers (coi_id, line, broker_id, name, email) values (?, 'GLOBAL', ?, "
                    + "'Broker', ?)", id, broker, email);
        }
        return id;
    }

    public static void standing(JdbcTemplate jdbc, UUID organizationId, UUID contractorId, String status) {
        jdbc.update("insert into insurance_contractor_standing (contractor_id, organization_id, insurance_status, "
                + "computed_at) values (?, ?, ?, ?)", contractorId, organizationId, status, Timestamp.from(Instant.now()));
    }
}

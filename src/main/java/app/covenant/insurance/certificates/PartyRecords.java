package app.covenant.insurance.certificates;

import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.access.SqlPredicate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-only projections of the projects and contractors the certificates hang off (written by the projects and
 * contractors part of the module): what a certificate needs to be created, addressed and named.
 */
@Component
class PartyRecords {

    record Project(UUID id, UUID organizationId, UUID gcId, String name, String gcName, String ownerEntity,
                   LocalDate endDate, String assignedAdminEmail, UUID programId, String programOverrides) {
    }

    record Contractor(UUID id, UUID organizationId, String type, String name, String contactEmail,
                      String assignedAdminEmail) {
    }

    private final JdbcTemplate jdbc;

    PartyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Project> project(UUID projectId) {
        return jdbc.query("select p.*, g.name as gc_contractor_name from insurance_projects p join insurance_contractors g "
                        + "on g.id = p.gc_id where p.id = ?", (rs, i) -> new Project(rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class), rs.getObject("gc_id", UUID.class), rs.getString("name"),
                        blankToNull(rs.getString("gc_name")) == null ? rs.getString("gc_contractor_name") : rs.getString("gc_name"),
                        rs.getString("owner_entity"), rs.getObject("end_date", LocalDate.class),
                        rs.getString("assigned_admin_email"), rs.getObject("program_id", UUID.class),
                        rs.getString("program_overrides")), projectId)
                .stream().findFirst();
    }

    /** The project when the caller may see it (InsuranceViewer), else empty. */
    Optional<Project> visibleProject(InsuranceViewer viewer, UUID projectId) {
        SqlPredicate visible = viewer.projects("p");
        List<Object> args = new ArrayList<>(visible.args());
        args.add(projectId);
        Integer count = jdbc.queryForObject("select count(*) from insurance_projects p where " + visible.sql()
                + " and p.id = ?", Integer.class, args.toArray());
        return count != null && count > 0 ? project(projectId) : Optional.empty();
    }

    Optional<Contractor> contractor(UUID id) {
        return jdbc.query("select * from insurance_contractors where id = ?", (rs, i) -> new Contractor(
                rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class), rs.getString("type"),
                rs.getString("name"), rs.getString("contact_email"), rs.getString("assigned_admin_email")), id)
                .stream().findFirst();
    }

    boolean assigned(UUID projectId, UUID subId) {
        Integer count = jdbc.queryForObject("select count(*) from insurance_project_assignments where project_id = ? "
                + "and sub_id = ?", Integer.class, projectId, subId);
        return count != null && count > 0;
    }

    List<UUID> linkedUsers(UUID contractorId) {
        return jdbc.queryForList("select user_id from insurance_contractor_users where contractor_id = ?", UUID.class,
                contractorId);
    }

    boolean linked(UUID contractorId, UUID userId) {
        Integer count = jdbc.queryForObject("select count(*) from insurance_contractor_users where contractor_id = ? "
                + "and user_id = ?", Integer.class, contractorId, userId);
        return count != null && count > 0;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package app.covenant.insurance.access;

import app.covenant.insurance.certificates.CoiHoldHarmlessStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an agreement about a certificate (the hold-harmless agreement of INSURANCE.md) needs to know of it, read in
 * one query for modules that must not read insurance's tables: the parties, the project, the program's hold-harmless
 * requirement and template, the certificate's dates and assigned admin. Also records the agreement's status on the
 * certificate ({@code insurance_cois.hold_harmless_status}, the COI representation's {@code holdHarmlessStatus}), so
 * that insurance never depends on the module that owns agreements.
 */
@Component
public class AgreementFacts {

    /**
     * The facts of one certificate. E-mail addresses are lower-case or null; {@code programId} is the project's
     * program or, without one, the organization's default program (as compliance picks it); null when none.
     */
    public record Facts(UUID coiId, UUID organizationId, String organizationName, String coiStatus, UUID projectId,
                        String projectName, String projectAddress, LocalDate projectStart, LocalDate projectEnd,
                        String ownerEntity, List<String> additionalInsureds, UUID gcId, String gcName, String gcEmail,
                        String gcContactName, UUID subId, String subName, String subEmail, UUID programId,
                        boolean holdHarmlessRequired, String holdHarmlessTemplate, LocalDate earliestExpiration,
                        String assignedAdminEmail) {
    }

    private static final String SELECT = "select c.id, c.organization_id, o.name as organization_name, c.status,"
            + " c.project_id, p.name as project_name, p.address as project_address, p.start_date, p.end_date,"
            + " p.owner_entity, p.contact_name, p.contact_email, c.gc_id, g.name as gc_name,"
            + " g.contact_email as gc_email, c.sub_id, s.name as sub_name, s.contact_email as sub_email,"
            + " (select min(su.email_normalized) from insurance_contractor_users scu join users su on su.id = scu.user_id"
            + " where scu.contractor_id = c.sub_id) as sub_user_email,"
            + " pr.id as program_id, pr.hold_harmless_required, pr.hold_harmless_template, c.earliest_expiration,"
            + " coalesce(c.assigned_admin_email, p.assigned_admin_email) as assigned_admin_email"
            + " from insurance_cois c join insurance_projects p on p.id = c.project_id"
            + " join organizations o on o.id = c.organization_id"
            + " join insurance_contractors g on g.id = c.gc_id join insurance_contractors s on s.id = c.sub_id"
            + " left join insurance_programs pr on pr.id = coalesce(p.program_id, (select d.id from insurance_programs d"
            + " where d.organization_id = c.organization_id and d.is_default = true order by d.created_at, d.id limit 1))"
            + " where c.id = ?";

    private final JdbcTemplate jdbc;
    private final CoiHoldHarmlessStatus holdHarmlessStatus;

    AgreementFacts(JdbcTemplate jdbc, CoiHoldHarmlessStatus holdHarmlessStatus) {
        this.jdbc = jdbc;
        this.holdHarmlessStatus = holdHarmlessStatus;
    }

    /** The certificate's facts; empty when it does not exist. The caller has authorised its own caller. */
    @Transactional(readOnly = true)
    public Optional<Facts> of(UUID coiId) {
        Optional<Facts> found = jdbc.query(SELECT, AgreementFacts::facts, coiId).stream().findFirst();
        return found.map(facts -> {
            List<String> insureds = jdbc.queryForList("select name from insurance_project_additional_insureds"
                    + " where project_id = ? order by sort_order", String.class, facts.projectId());
            return new Facts(facts.coiId(), facts.organizationId(), facts.organizationName(), facts.coiStatus(),
                    facts.projectId(), facts.projectName(), facts.projectAddress(), facts.projectStart(),
                    facts.projectEnd(), facts.ownerEntity(), List.copyOf(insureds), facts.gcId(), facts.gcName(),
                    facts.gcEmail(), facts.gcContactName(), facts.subId(), facts.subName(), facts.subEmail(),
                    facts.programId(), facts.holdHarmlessRequired(), facts.holdHarmlessTemplate(),
                    facts.earliestExpiration(), facts.assignedAdminEmail());
        });
    }

    /** Whether user {@code userId} is one of the people of company {@code contractorId} (a GC or a sub). */
    @Transactional(readOnly = true)
    public boolean isLinked(UUID userId, UUID contractorId) {
        Integer n = jdbc.queryForObject("select count(*) from insurance_contractor_users where user_id = ?"
                + " and contractor_id = ?", Integer.class, userId, contractorId);
        return n != null && n > 0;
    }

    /**
     * Records the status of the certificate's agreement (joins the caller's transaction). The certificate entity
     * maps the column read-only and the write leaves its version alone: a reviewer's concurrent action on the
     * certificate is not refused as stale because an agreement moved on.
     */
    public void recordHoldHarmlessStatus(UUID coiId, String status, Instant at) {
        holdHarmlessStatus.record(List.of(coiId), status, at);
    }

    /** {@link #recordHoldHarmlessStatus(UUID, String, Instant)} for many certificates at once. */
    public int recordHoldHarmlessStatus(java.util.Collection<UUID> coiIds, String status, Instant at) {
        return holdHarmlessStatus.record(coiIds, status, at);
    }

    private static Facts facts(ResultSet rs, int row) throws SQLException {
        String gcEmail = lower(rs.getString("contact_email"));
        if (gcEmail == null) {
            gcEmail = lower(rs.getString("gc_email"));
        }
        String subEmail = lower(rs.getString("sub_email"));
        if (subEmail == null) {
            subEmail = lower(rs.getString("sub_user_email"));
        }
        return new Facts(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getString("organization_name"), rs.getString("status"), rs.getObject("project_id", UUID.class),
                rs.getString("project_name"), rs.getString("project_address"), date(rs, "start_date"),
                date(rs, "end_date"), rs.getString("owner_entity"), List.of(), rs.getObject("gc_id", UUID.class),
                rs.getString("gc_name"), gcEmail, rs.getString("contact_name"), rs.getObject("sub_id", UUID.class),
                rs.getString("sub_name"), subEmail, rs.getObject("program_id", UUID.class),
                rs.getBoolean("hold_harmless_required"), rs.getString("hold_harmless_template"),
                date(rs, "earliest_expiration"), lower(rs.getString("assigned_admin_email")));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(java.util.Locale.ROOT);
    }
}

package app.covenant.insurance.contractors;

import app.covenant.insurance.web.SqlQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The link tables around contractors, written with plain statements (no entity maps them): which GCs a
 * sub works for ({@code insurance_gc_subcontractors}) and which users belong to a company
 * ({@code insurance_contractor_users}). Inserts are "where not exists" so a repeated link is a no-op.
 */
@Component
public class ContractorLinks {

    private final JdbcTemplate jdbc;

    ContractorLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Links the sub to the GC unless it already is; true when a link was added. */
    public boolean linkSub(UUID gcId, UUID subId, Instant now) {
        return jdbc.update("insert into insurance_gc_subcontractors (gc_id, sub_id, created_at) select ?, ?, ? "
                + "where not exists (select 1 from insurance_gc_subcontractors where gc_id = ? and sub_id = ?)",
                gcId, subId, Timestamp.from(now), gcId, subId) > 0;
    }

    /** Makes the sub's GCs exactly {@code gcIds}. */
    void replaceGcs(UUID subId, Collection<UUID> gcIds, Instant now) {
        if (gcIds.isEmpty()) {
            jdbc.update("delete from insurance_gc_subcontractors where sub_id = ?", subId);
        } else {
            List<Object> args = new java.util.ArrayList<>();
            args.add(subId);
            args.addAll(gcIds);
            jdbc.update("delete from insurance_gc_subcontractors where sub_id = ? and gc_id not in ("
                    + SqlQuery.placeholders(gcIds) + ")", args.toArray());
        }
        gcIds.forEach(gc -> linkSub(gc, subId, now));
    }

    /** The GCs of the organization that the user is linked to (a CONTRACTOR's own companies). */
    public List<UUID> ownGeneralContractorsOf(UUID userId, UUID organizationId) {
        return ownGeneralContractors(userId, organizationId);
    }

    List<UUID> ownGeneralContractors(UUID userId, UUID organizationId) {
        return jdbc.queryForList("select k.id from insurance_contractor_users cu join insurance_contractors k "
                + "on k.id = cu.contractor_id where cu.user_id = ? and k.organization_id = ? "
                + "and k.type = 'GENERAL_CONTRACTOR' order by k.name", UUID.class, userId, organizationId);
    }

    /** Which of {@code ids} are GCs of the organization. */
    List<UUID> generalContractorsAmong(UUID organizationId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> args = new java.util.ArrayList<>();
        args.add(organizationId);
        args.addAll(ids);
        return jdbc.queryForList("select id from insurance_contractors where organization_id = ? "
                + "and type = 'GENERAL_CONTRACTOR' and id in (" + SqlQuery.placeholders(ids) + ")", UUID.class,
                args.toArray());
    }

    boolean linkUser(UUID contractorId, UUID userId) {
        return jdbc.update("insert into insurance_contractor_users (contractor_id, user_id) select ?, ? "
                + "where not exists (select 1 from insurance_contractor_users where contractor_id = ? and user_id = ?)",
                contractorId, userId, contractorId, userId) > 0;
    }

    boolean unlinkUser(UUID contractorId, UUID userId) {
        return jdbc.update("delete from insurance_contractor_users where contractor_id = ? and user_id = ?",
                contractorId, userId) > 0;
    }

    List<UUID> users(UUID contractorId) {
        return jdbc.queryForList("select user_id from insurance_contractor_users where contractor_id = ?", UUID.class,
                contractorId);
    }

    /** Whether the company has records that must outlive it (projects, assignments, certificates). */
    boolean hasRecords(UUID contractorId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select case when exists (select 1 from insurance_projects "
                + "where gc_id = ?) or exists (select 1 from insurance_project_assignments where sub_id = ?) "
                + "or exists (select 1 from insurance_cois where sub_id = ? or gc_id = ?) then true else false end",
                Boolean.class, contractorId, contractorId, contractorId, contractorId));
    }
}

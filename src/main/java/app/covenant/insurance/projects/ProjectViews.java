package app.covenant.insurance.projects;

import app.covenant.insurance.CoiStatus;
import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.compliance.ProjectOverrides;
import app.covenant.insurance.web.SqlQuery;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Projects and their assignments as the caller may see them (InsuranceViewer in every query), with the
 * program in force (the project's, or the organization's default) and children loaded per page.
 */
@Component
class ProjectViews {

    static final Map<String, String> SORT_COLUMNS = Map.of("name", "p.name", "status", "p.status",
            "startDate", "p.start_date", "endDate", "p.end_date", "createdAt", "p.created_at",
            "updatedAt", "p.updated_at");

    private static final String FROM = " from insurance_projects p left join insurance_programs pr on pr.id = p.program_id"
            + " or (p.program_id is null and pr.organization_id = p.organization_id and pr.is_default = true)";
    private static final String SELECT = "select p.*, pr.id effective_program_id, pr.name program_name" + FROM;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ProjectViews(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Page<ProjectView> list(InsuranceViewer viewer, ProjectFilter filter, Pageable page) {
        SqlQuery query = filtered(viewer, filter);
        long total = jdbc.queryForObject("select count(*)" + FROM + query.where(), Long.class, query.args());
        List<ProjectView> rows = jdbc.query(SELECT + query.where() + SqlQuery.orderAndPage(page, SORT_COLUMNS, "p.id"),
                this::row, query.pageArgs(page));
        return new PageImpl<>(withInsureds(rows), page, total);
    }

    Optional<ProjectView> find(InsuranceViewer viewer, UUID id) {
        SqlQuery query = new SqlQuery(viewer.projects("p")).and("p.id = ?", id);
        return withInsureds(jdbc.query(SELECT + query.where(), this::row, query.args())).stream().findFirst();
    }

    /** The projects of a contractor (as GC, or as an assigned sub) the caller sees. */
    List<ProjectView> ofContractor(InsuranceViewer viewer, UUID contractorId) {
        SqlQuery query = new SqlQuery(viewer.projects("p")).and("p.gc_id = ? or exists (select 1 from "
                + "insurance_project_assignments a where a.project_id = p.id and a.sub_id = ?)", contractorId, contractorId);
        return withInsureds(jdbc.query(SELECT + query.where() + " order by p.name, p.id limit 500", this::row,
                query.args()));
    }

    /**
     * The subs on a project the caller may see (a sub's people see their own assignment only), with the
     * latest certificate there that the caller may see.
     */
    List<AssignmentView> assignments(InsuranceViewer viewer, UUID projectId) {
        var cois = viewer.cois("c");
        var contractors = viewer.contractors("k");
        List<Object> args = new ArrayList<>(cois.args());
        args.add(projectId);
        args.addAll(contractors.args());
        List<AssignmentView> rows = jdbc.query("select pa.id, pa.project_id, pa.sub_id, k.name, pa.created_at, lc.id coi_id, "
                + "lc.status coi_status from insurance_project_assignments pa join insurance_contractors k on k.id = pa.sub_id "
                + "left join insurance_cois lc on lc.id = (select c.id from insurance_cois c where c.project_id = pa.project_id "
                + "and c.sub_id = pa.sub_id and " + cois.sql() + " order by c.created_at desc, c.id desc limit 1) "
                + "where pa.project_id = ? and " + contractors.sql() + " order by k.name, pa.id limit 1000",
                (rs, n) -> new AssignmentView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), List.of(), rs.getTimestamp(5).toInstant(),
                        rs.getObject(6, UUID.class), rs.getString(7) == null ? null : CoiStatus.valueOf(rs.getString(7))),
                args.toArray());
        return withTrades(rows);
    }

    /** One assignment (just created), with its trades. */
    Optional<AssignmentView> assignment(InsuranceViewer viewer, UUID projectId, UUID assignmentId) {
        return assignments(viewer, projectId).stream().filter(a -> a.id().equals(assignmentId)).findFirst();
    }

    private SqlQuery filtered(InsuranceViewer viewer, ProjectFilter filter) {
        SqlQuery query = new SqlQuery(viewer.projects("p"));
        if (filter.status() != null) {
            query.and("p.status = ?", filter.status().name());
        }
        if (filter.gcId() != null) {
            query.and("p.gc_id = ?", filter.gcId());
        }
        if (filter.q() != null) {
            String like = SqlQuery.contains(filter.q());
            query.and("lower(p.name) like ? or lower(p.address) like ? or lower(p.gc_name) like ?", like, like, like);
        }
        return query;
    }

    private List<AssignmentView> withTrades(List<AssignmentView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<UUID> ids = rows.stream().map(AssignmentView::id).toList();
        Map<UUID, List<String>> trades = new LinkedHashMap<>();
        jdbc.query("select assignment_id, trade from insurance_assignment_trades where assignment_id in ("
                + SqlQuery.placeholders(ids) + ") order by trade_key", rs -> {
                    trades.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                }, ids.toArray());
        return rows.stream().map(a -> new AssignmentView(a.id(), a.projectId(), a.subcontractorId(),
                a.subcontractorName(), trades.getOrDefault(a.id(), List.of()), a.createdAt(), a.latestCoiId(),
                a.latestCoiStatus())).toList();
    }

    private List<ProjectView> withInsureds(List<ProjectView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<UUID> ids = rows.stream().map(ProjectView::id).toList();
        Map<UUID, List<String>> names = new LinkedHashMap<>();
        jdbc.query("select project_id, name from insurance_project_additional_insureds where project_id in ("
                + SqlQuery.placeholders(ids) + ") order by project_id, sort_order", rs -> {
                    names.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                }, ids.toArray());
        return rows.stream().map(p -> new ProjectView(p.id(), p.name(), p.description(), p.address(), p.startDate(),
                p.endDate(), p.status(), p.gcId(), p.gcName(), p.ownerEntity(), names.getOrDefault(p.id(), List.of()),
                p.borough(), p.block(), p.lot(), p.buildingHeight(), p.structureType(), p.contactName(),
                p.contactEmail(), p.contactPhone(), p.assignedAdminEmail(), p.programId(), p.effectiveProgramId(),
                p.programName(), p.overrides(), p.createdAt(), p.updatedAt())).toList();
    }

    private ProjectView row(ResultSet rs, int n) throws SQLException {
        String overrides = rs.getString("program_overrides");
        return new ProjectView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getString("address"), date(rs.getDate("start_date")), date(rs.getDate("end_date")),
                ProjectStatus.valueOf(rs.getString("status")), rs.getObject("gc_id", UUID.class), rs.getString("gc_name"),
                rs.getString("owner_entity"), List.of(), rs.getString("borough"), rs.getString("block"),
                rs.getString("lot"), rs.getString("building_height"), rs.getString("structure_type"),
                rs.getString("contact_name"), rs.getString("contact_email"), rs.getString("contact_phone"),
                rs.getString("assigned_admin_email"), rs.getObject("program_id", UUID.class),
                rs.getObject("effective_program_id", UUID.class), rs.getString("program_name"),
                overrides == null ? ProjectOverrides.NONE : json.readValue(overrides, ProjectOverrides.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static java.time.LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}

package app.covenant.insurance.reports;

import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.shared.security.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The report "subcontractors out of compliance, by project": every assignment of an active sub whose
 * stored insurance status is {@code NON_COMPLIANT} or {@code EXPIRED} (and, on request, {@code PENDING} —
 * no standing row yet counts as pending), on a project of the caller's current organization that the
 * caller sees, the sub itself visible to them too. One query per page (the latest certificate and its
 * deficiencies are correlated subqueries, never a query per row).
 */
@Component
public class NonCompliantSubs {

    static final List<String> OUT_OF_COMPLIANCE = List.of("NON_COMPLIANT", "EXPIRED");
    private static final List<String> WITH_PENDING = List.of("NON_COMPLIANT", "EXPIRED", "PENDING");

    /** Sortable fields of the API and the output column they order by. */
    static final Map<String, String> SORTS = Map.of(
            "projectName", "project_name",
            "subcontractorName", "sub_name",
            "insuranceStatus", "insurance_status",
            "gcName", "gc_name");
    static final Sort DEFAULT_SORT = Sort.by("projectName", "subcontractorName");
    private static final String TIE_BREAK = ", p.id, k.id";

    private static final String FROM = " from insurance_project_assignments a"
            + " join insurance_projects p on p.id = a.project_id"
            + " join insurance_contractors g on g.id = p.gc_id"
            + " join insurance_contractors k on k.id = a.sub_id"
            + " left join insurance_contractor_standing s on s.contractor_id = k.id";

    private final JdbcTemplate jdbc;
    private final ReportStreams streams;

    NonCompliantSubs(JdbcTemplate jdbc, ReportStreams streams) {
        this.jdbc = jdbc;
        this.streams = streams;
    }

    public Page<NonCompliantRow> page(Caller caller, ReportFilter filter, Pageable pageable) {
        Conditions where = where(caller, filter);
        Long total = jdbc.queryForObject("select count(*)" + FROM + " where " + where.sql(), Long.class,
                where.args().toArray());
        List<Object> args = new ArrayList<>(latestVisible(caller).args());
        args.addAll(List.of(where.argsAnd(pageable.getPageSize(), pageable.getOffset())));
        List<NonCompliantRow> rows = jdbc.query(sql(caller, where, pageable.getSort(), " limit ? offset ?"),
                NonCompliantSubs::row, args.toArray());
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    /** Every row of the report, in its order, one at a time from a database cursor (the CSV export). */
    public void forEach(Caller caller, ReportFilter filter, Consumer<NonCompliantRow> sink) {
        Conditions where = where(caller, filter);
        List<Object> args = new ArrayList<>(latestVisible(caller).args());
        args.addAll(where.args());
        streams.each(sql(caller, where, Sort.unsorted(), ""), args, rs -> sink.accept(row(rs, 0)));
    }

    /** How many different subs the report lists without filters: the home page's card. */
    public long subsOutOfCompliance(Caller caller) {
        Conditions where = where(caller, ReportFilter.none());
        return jdbc.queryForObject("select count(distinct k.id)" + FROM + " where " + where.sql(), Long.class,
                where.args().toArray());
    }

    private static Conditions where(Caller caller, ReportFilter filter) {
        InsuranceViewer viewer = new InsuranceViewer(caller);
        // The current organization only, a platform operator's too: a report is about one organization.
        Conditions where = new Conditions().add("p.organization_id = ?", caller.organizationId())
                .add(viewer.projects("p")).add(viewer.contractors("k"))
                .add("k.status = 'ACTIVE'")
                .in("coalesce(s.insurance_status, 'PENDING')", filter.includePending() ? WITH_PENDING : OUT_OF_COMPLIANCE);
        if (filter.projectId() != null) {
            where.add("p.id = ?", filter.projectId());
        }
        if (filter.gcId() != null) {
            where.add("p.gc_id = ?", filter.gcId());
        }
        return where;
    }

    /** Which certificates may be shown as the latest: those the caller sees. */
    private static Conditions latestVisible(Caller caller) {
        return new Conditions().add(new InsuranceViewer(caller).cois("lc"));
    }

    /**
     * The page of assignments first (ordered, limited), then its latest certificates and their deficiency
     * counts: the correlated subqueries run for the rows of the page only.
     */
    private static String sql(Caller caller, Conditions where, Sort sort, String limit) {
        String latest = "(select lc.id from insurance_cois lc where lc.project_id = p.id and lc.sub_id = k.id and "
                + latestVisible(caller).sql() + " order by lc.created_at desc, lc.id desc limit 1)";
        return "select x.*, c.status coi_status, c.assigned_admin_email coi_admin,"
                + " (select count(*) from insurance_coi_deficiencies d where d.coi_id = x.coi_id) deficiencies"
                + " from (select p.id project_id, p.name project_name, g.id gc_id, g.name gc_name, k.id sub_id,"
                + " k.name sub_name, coalesce(s.insurance_status, 'PENDING') insurance_status,"
                + " p.assigned_admin_email project_admin, k.assigned_admin_email sub_admin, " + latest + " coi_id"
                + FROM + " where " + where.sql() + " order by " + ReportSorts.orderBy(sort, SORTS, DEFAULT_SORT, "") + TIE_BREAK
                + limit + ") x left join insurance_cois c on c.id = x.coi_id order by "
                + ReportSorts.orderBy(sort, SORTS, DEFAULT_SORT, "x.") + ", x.project_id, x.sub_id";
    }

    private static NonCompliantRow row(ResultSet rs, int index) throws SQLException {
        // Who follows it: the certificate's admin, else the project's, else the sub's.
        String admin = firstOf(rs.getString("coi_admin"), rs.getString("project_admin"), rs.getString("sub_admin"));
        return new NonCompliantRow(rs.getObject("project_id", UUID.class), rs.getString("project_name"),
                rs.getObject("gc_id", UUID.class), rs.getString("gc_name"), rs.getObject("sub_id", UUID.class),
                rs.getString("sub_name"), rs.getString("insurance_status"), rs.getObject("coi_id", UUID.class),
                rs.getString("coi_status"), rs.getInt("deficiencies"), admin);
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}

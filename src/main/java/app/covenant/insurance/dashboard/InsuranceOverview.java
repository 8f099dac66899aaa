package app.covenant.insurance.dashboard;

import app.covenant.insurance.CoiStatus;
import app.covenant.insurance.InsuranceStatus;
import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.access.SqlPredicate;
import app.covenant.shared.security.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures of the insurance overview ({@code /insurance}), each one grouped query over the caller's
 * current organization and what they may see ({@link InsuranceViewer}): certificates by status,
 * subcontractors by insurance status (no standing row yet: pending), the review queue, and a page of
 * projects with their subs counted by insurance status in one query.
 */
@Component
class InsuranceOverview {

    /** One project of the overview table: its assigned subs counted by their insurance status (expired counts as non-compliant). */
    record ProjectRow(UUID id, String name, String gcName, String status, long subs, long compliant, long nonCompliant,
                      long pending) {
    }

    /** The review queue: how many certificates wait for a reviewer, and since when the oldest. */
    record ReviewQueue(long size, Instant oldestRequestedAt) {
    }

    private final JdbcTemplate jdbc;

    InsuranceOverview(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the caller is one of a general contractor's people (linked to a GC of their organization). */
    boolean worksForGeneralContractor(Caller caller) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from insurance_contractor_users cu "
                + "join insurance_contractors k on k.id = cu.contractor_id where cu.user_id = ? and k.organization_id = ? "
                + "and k.type = 'GENERAL_CONTRACTOR')", Boolean.class, caller.userId(), caller.organizationId()));
    }

    /** Every certificate status, in workflow order, with how many of the caller's certificates are in it. */
    Map<String, Long> certificatesByStatus(Caller caller) {
        SqlPredicate visible = new InsuranceViewer(caller).cois("c");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (CoiStatus status : CoiStatus.values()) {
            counts.put(status.name(), 0L);
        }
        jdbc.query("select c.status, count(*) n from insurance_cois c where c.organization_id = ? and " + visible.sql()
                + " group by c.status", rs -> {
            counts.put(rs.getString("status"), rs.getLong("n"));
        }, args(caller, visible));
        return counts;
    }

    /** Every insurance status with how many subcontractors the caller sees are in it. */
    Map<String, Long> subcontractorsByInsuranceStatus(Caller caller) {
        SqlPredicate visible = new InsuranceViewer(caller).contractors("k");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (InsuranceStatus status : InsuranceStatus.values()) {
            counts.put(status.name(), 0L);
        }
        jdbc.query("select coalesce(s.insurance_status, 'PENDING') insurance_status, count(*) n "
                + "from insurance_contractors k left join insurance_contractor_standing s on s.contractor_id = k.id "
                + "where k.organization_id = ? and k.type = 'SUBCONTRACTOR' and " + visible.sql()
                + " group by coalesce(s.insurance_status, 'PENDING')", rs -> {
            counts.put(rs.getString("insurance_status"), rs.getLong("n"));
        }, args(caller, visible));
        return counts;
    }

    ReviewQueue reviewQueue(Caller caller) {
        SqlPredicate visible = new InsuranceViewer(caller).cois("c");
        return jdbc.queryForObject("select count(*) n, min(c.review_requested_at) oldest from insurance_cois c "
                + "where c.organization_id = ? and c.status = 'AWAITING_ADMIN_REVIEW' and " + visible.sql(), (rs, i) -> {
            Timestamp oldest = rs.getTimestamp("oldest");
            return new ReviewQueue(rs.getLong("n"), oldest == null ? null : oldest.toInstant());
        }, args(caller, visible));
    }

    /**
     * A page of the projects the caller sees, by name, with their subs counted by insurance status: the
     * page of projects is chosen first, then its assignments grouped — one query, whatever the page size.
     */
    Page<ProjectRow> projects(Caller caller, Pageable pageable) {
        SqlPredicate visible = new InsuranceViewer(caller).projects("p");
        String where = " where p.organization_id = ? and " + visible.sql();
        Long total = jdbc.queryForObject("select count(*) from insurance_projects p" + where, Long.class,
                args(caller, visible));
        List<Object> args = new ArrayList<>(List.of(args(caller, visible)));
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<ProjectRow> rows = jdbc.query("select pp.id, pp.name, pp.status, pp.gc_name, count(a.id) subs, "
                + "count(case when s.insurance_status = 'COMPLIANT' then 1 end) compliant, "
                + "count(case when s.insurance_status in ('NON_COMPLIANT', 'EXPIRED') then 1 end) non_compliant, "
                + "count(case when a.id is not null and (s.insurance_status is null or s.insurance_status = 'PENDING') "
                + "then 1 end) pending "
                + "from (select p.id, p.name, p.status, coalesce(g.name, p.gc_name) gc_name from insurance_projects p "
                + "join insurance_contractors g on g.id = p.gc_id" + where + " order by p.name, p.id limit ? offset ?) pp "
                + "left join insurance_project_assignments a on a.project_id = pp.id "
                + "left join insurance_contractor_standing s on s.contractor_id = a.sub_id "
                + "group by pp.id, pp.name, pp.status, pp.gc_name order by pp.name, pp.id",
                (rs, i) -> new ProjectRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("gc_name"),
                        rs.getString("status"), rs.getLong("subs"), rs.getLong("compliant"),
                        rs.getLong("non_compliant"), rs.getLong("pending")), args.toArray());
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    private static Object[] args(Caller caller, SqlPredicate visible) {
        List<Object> args = new ArrayList<>();
        args.add(caller.organizationId());
        args.addAll(visible.args());
        return args.toArray();
    }
}

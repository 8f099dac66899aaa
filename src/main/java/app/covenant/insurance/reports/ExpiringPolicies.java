package app.covenant.insurance.reports;

import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
 * The report "policies expiring in N days": the policies of {@code ACTIVE} certificates the caller sees,
 * in their current organization, whose expiration date is between today (the application's clock) and
 * today + N, soonest first, with the broker named for the policy's line (else the certificate's global
 * broker, else the broker on the policy row).
 */
@Component
public class ExpiringPolicies {

    /** The windows offered, in days. */
    public static final List<Integer> WINDOWS = List.of(7, 14, 30, 60, 90);

    static final Map<String, String> SORTS = Map.of(
            "expirationDate", "expiration_date",
            "projectName", "project_name",
            "subcontractorName", "sub_name",
            "line", "line");
    static final Sort DEFAULT_SORT = Sort.by("expirationDate", "projectName", "subcontractorName", "line");

    private static final String FROM = " from insurance_coi_policies pol"
            + " join insurance_cois c on c.id = pol.coi_id"
            + " join insurance_projects p on p.id = c.project_id"
            + " join insurance_contractors k on k.id = c.sub_id";
    private static final String COLUMNS = "select c.id coi_id, pol.id policy_id, p.id project_id, p.name project_name,"
            + " k.id sub_id, k.name sub_name, pol.line line, pol.policy_number, pol.insurer_name, pol.expiration_date,"
            + " coalesce(lb.name, gb.name, pb.name) broker_name, coalesce(lb.email, gb.email, pb.email) broker_email"
            + FROM
            + " left join insurance_coi_brokers lb on lb.coi_id = c.id and lb.line = pol.line"
            + " left join insurance_coi_brokers gb on gb.coi_id = c.id and gb.line = 'GLOBAL'"
            + " left join insurance_brokers pb on pb.id = pol.broker_id";

    private final JdbcTemplate jdbc;
    private final ReportStreams streams;
    private final Clock clock;

    ExpiringPolicies(JdbcTemplate jdbc, ReportStreams streams, Clock clock) {
        this.jdbc = jdbc;
        this.streams = streams;
        this.clock = clock;
    }

    /** The window asked for, or 400 naming {@code field} when it is not one of {@link #WINDOWS}. */
    public static int window(Integer days, String field) {
        if (days == null) {
            return 30;
        }
        if (!WINDOWS.contains(days)) {
            throw ProblemException.invalid(field, "must be one of 7, 14, 30, 60 or 90 days");
        }
        return days;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Page<ExpiringPolicyRow> page(Caller caller, int days, ReportFilter filter, Pageable pageable) {
        LocalDate today = today();
        Conditions where = where(caller, today, days, filter);
        Long total = count(where);
        List<ExpiringPolicyRow> rows = jdbc.query(COLUMNS + " where " + where.sql() + " order by "
                        + ReportSorts.orderBy(pageable.getSort(), SORTS, DEFAULT_SORT, "") + ", pol.id limit ? offset ?",
                (rs, i) -> row(rs, today), where.argsAnd(pageable.getPageSize(), pageable.getOffset()));
        return new PageImpl<>(rows, pageable, total);
    }

    /** Every row, soonest first, from a database cursor (the CSV export). */
    public void forEach(Caller caller, int days, ReportFilter filter, Consumer<ExpiringPolicyRow> sink) {
        LocalDate today = today();
        Conditions where = where(caller, today, days, filter);
        streams.each(COLUMNS + " where " + where.sql() + " order by "
                        + ReportSorts.orderBy(Sort.unsorted(), SORTS, DEFAULT_SORT, "") + ", pol.id", where.args(),
                rs -> sink.accept(row(rs, today)));
    }

    /** How many policies the report lists for {@code days} without filters: the home page's card. */
    public long count(Caller caller, int days) {
        return count(where(caller, today(), days, ReportFilter.none()));
    }

    private long count(Conditions where) {
        Long total = jdbc.queryForObject("select count(*)" + FROM + " where " + where.sql(), Long.class,
                where.args().toArray());
        return total == null ? 0 : total;
    }

    private static Conditions where(Caller caller, LocalDate today, int days, ReportFilter filter) {
        Conditions where = new Conditions().add("c.organization_id = ?", caller.organizationId())
                .add("c.status = 'ACTIVE'")
                .add("pol.expiration_date between ? and ?", Date.valueOf(today), Date.valueOf(today.plusDays(days)))
                .add(new InsuranceViewer(caller).cois("c"));
        if (filter.projectId() != null) {
            where.add("c.project_id = ?", filter.projectId());
        }
        if (filter.gcId() != null) {
            where.add("c.gc_id = ?", filter.gcId());
        }
        return where;
    }

    private static ExpiringPolicyRow row(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate expiration = rs.getObject("expiration_date", LocalDate.class);
        return new ExpiringPolicyRow(rs.getObject("coi_id", UUID.class), rs.getObject("policy_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getString("project_name"), rs.getObject("sub_id", UUID.class),
                rs.getString("sub_name"), rs.getString("line"), rs.getString("policy_number"),
                rs.getString("insurer_name"), expiration, ChronoUnit.DAYS.between(today, expiration),
                rs.getString("broker_name"), rs.getString("broker_email"));
    }
}

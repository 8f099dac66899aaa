package app.covenant.insurance.dashboard;

import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.access.SqlPredicate;
import app.covenant.shared.security.Caller;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What waits for someone in insurance, counted for the home page: one indexed count each, scoped to the
 * caller's organization (a platform operator too) and to what the caller may see ({@link InsuranceViewer}).
 */
@Component
class InsuranceWork {

    private final JdbcTemplate jdbc;

    InsuranceWork(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Certificates in the review queue of the caller's organization. */
    long awaitingReview(Caller caller) {
        return jdbc.queryForObject("select count(*) from insurance_cois c where c.organization_id = ? "
                + "and c.status = 'AWAITING_ADMIN_REVIEW'", Long.class, caller.organizationId());
    }

    /** Subcontractors the caller sees whose insurance status is non-compliant or expired. */
    long subsOutOfCompliance(Caller caller) {
        SqlPredicate visible = new InsuranceViewer(caller).contractors("k");
        return count("select count(*) from insurance_contractor_standing s join insurance_contractors k "
                + "on k.id = s.contractor_id where s.organization_id = ? and s.insurance_status in ('NON_COMPLIANT', 'EXPIRED') "
                + "and k.type = 'SUBCONTRACTOR' and k.status = 'ACTIVE' and " + visible.sql(), caller, visible);
    }

    /** Policies of active certificates the caller sees that expire between today and {@code until}. */
    long policiesExpiring(Caller caller, LocalDate today, LocalDate until) {
        SqlPredicate visible = new InsuranceViewer(caller).cois("c");
        List<Object> args = new ArrayList<>(List.of(caller.organizationId(), today, until));
        args.addAll(visible.args());
        return jdbc.queryForObject("select count(*) from insurance_coi_policies p join insurance_cois c on c.id = p.coi_id "
                + "where c.organization_id = ? and c.status = 'ACTIVE' and p.expiration_date between ? and ? and "
                + visible.sql(), Long.class, args.toArray());
    }

    /** Certificates the caller sees that are in one of {@code statuses} (a sub's or a broker's turn). */
    long inStatuses(Caller caller, Collection<String> statuses) {
        if (statuses.isEmpty()) {
            return 0;
        }
        SqlPredicate visible = new InsuranceViewer(caller).cois("c");
        List<Object> args = new ArrayList<>();
        args.add(caller.organizationId());
        args.addAll(statuses);
        args.addAll(visible.args());
        String marks = String.join(", ", statuses.stream().map(s -> "?").toList());
        return jdbc.queryForObject("select count(*) from insurance_cois c where c.organization_id = ? and c.status in ("
                + marks + ") and " + visible.sql(), Long.class, args.toArray());
    }

    private long count(String sql, Caller caller, SqlPredicate visible) {
        List<Object> args = new ArrayList<>();
        args.add(caller.organizationId());
        args.addAll(visible.args());
        return jdbc.queryForObject(sql, Long.class, args.toArray());
    }
}

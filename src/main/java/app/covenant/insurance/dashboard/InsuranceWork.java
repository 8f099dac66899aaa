package app.covenant.insurance.dashboard;

import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.access.SqlPredicate;
import app.covenant.insurance.reports.ExpiringPolicies;
import app.covenant.insurance.reports.NonCompliantSubs;
import app.covenant.shared.security.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What waits for someone in insurance, counted for the home page: one indexed count each, scoped to the
 * caller's current organization (a platform operator's too) and to what the caller may see
 * ({@link InsuranceViewer}). The two report cards count exactly what their report lists, so the card and
 * the page it opens never disagree.
 */
@Component
class InsuranceWork {

    private final JdbcTemplate jdbc;
    private final NonCompliantSubs nonCompliant;
    private final ExpiringPolicies expiring;

    InsuranceWork(JdbcTemplate jdbc, NonCompliantSubs nonCompliant, ExpiringPolicies expiring) {
        this.jdbc = jdbc;
        this.nonCompliant = nonCompliant;
        this.expiring = expiring;
    }

    /** Certificates in the review queue of the caller's organization that the caller sees. */
    long awaitingReview(Caller caller) {
        return inStatuses(caller, List.of("AWAITING_ADMIN_REVIEW"));
    }

    /** Different subcontractors of the non-compliance report: non-compliant or expired, on the caller's projects. */
    long subsOutOfCompliance(Caller caller) {
        return nonCompliant.subsOutOfCompliance(caller);
    }

    /** Policies of active certificates the caller sees that expire between today and today + {@code days}. */
    long policiesExpiring(Caller caller, int days) {
        return expiring.count(caller, days);
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
}

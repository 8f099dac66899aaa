package app.covenant.insurance.dashboard;

import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.platform.ui.HomeCard;
import app.covenant.platform.ui.HomeCard.Urgency;
import app.covenant.platform.ui.HomeCardSource;
import app.covenant.shared.security.Caller;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The insurance work on the home page: certificates to review (reviewers), subs out of compliance and
 * policies expiring within 30 days (whoever follows compliance), and certificates waiting for the sub's or
 * the broker's own step (the parties themselves, not the organization's staff who see everything).
 */
@Component
class InsuranceHomeCards implements HomeCardSource {

    static final int EXPIRING_DAYS = 30;

    private final InsuranceWork work;

    InsuranceHomeCards(InsuranceWork work) {
        this.work = work;
    }

    @Override
    public List<HomeCard> cardsFor(Caller caller) {
        List<HomeCard> cards = new ArrayList<>();
        if (caller.has("coi:review")) {
            long count = work.awaitingReview(caller);
            cards.add(new HomeCard("Certificates to review", count, count == 1
                    ? "A broker attested a certificate: check it against the program."
                    : "Brokers attested these certificates: check them against the program, oldest first.",
                    "/insurance/review", "check", Urgency.ACTION_NEEDED));
        }
        if (caller.has("contractor:read") && caller.has("insurance-report:read")) {
            long count = work.subsOutOfCompliance(caller);
            cards.add(new HomeCard("Subcontractors out of compliance", count,
                    "Deficient or lapsed insurance: they should not be on site until it is fixed.",
                    "/insurance/reports", "alert", Urgency.ATTENTION));
        }
        if (caller.has("coi:read")) {
            long count = work.policiesExpiring(caller, EXPIRING_DAYS);
            // The report is for those who follow compliance; a sub's people and brokers find their own
            // expiring policies on the insurance overview.
            String href = caller.has("insurance-report:read") ? "/insurance/reports?expiringDays=" + EXPIRING_DAYS
                    : "/insurance";
            cards.add(new HomeCard("Policies expiring in " + EXPIRING_DAYS + " days", count,
                    "Renewal certificates are needed before these policies lapse.", href, "clock", Urgency.ATTENTION));
        }
        if (!new InsuranceViewer(caller).seesAllOfOrganization()) {
            long count = work.inStatuses(caller, yourTurn(caller));
            cards.add(new HomeCard("Certificates waiting for you", count,
                    "Name your broker, upload, attest or fix deficiencies: the general contractor is waiting.",
                    "/insurance/certificates", "upload", Urgency.ACTION_NEEDED));
        }
        return cards;
    }

    /** The states in which the next step is the caller's, by what their role lets them do. */
    private static Set<String> yourTurn(Caller caller) {
        Set<String> statuses = new LinkedHashSet<>();
        if (caller.has("coi:broker-info")) {
            statuses.add("AWAITING_BROKER_INFO");
        }
        if (caller.has("coi:upload")) {
            statuses.add("AWAITING_BROKER_UPLOAD");
            statuses.add("DEFICIENCY_PENDING");
        }
        if (caller.has("coi:attest")) {
            statuses.add("AWAITING_BROKER_SIGNATURE");
        }
        return statuses;
    }
}

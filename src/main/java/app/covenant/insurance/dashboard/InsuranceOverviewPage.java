package app.covenant.insurance.dashboard;

import app.covenant.insurance.access.InsuranceViewer;
import app.covenant.insurance.reports.ExpiringPolicies;
import app.covenant.insurance.reports.ReportFilter;
import app.covenant.platform.ui.PageRequests;
import app.covenant.shared.security.Caller;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /insurance}: compliance at a glance. The organization's staff and a general contractor's people
 * get the figures (certificates and subs by status, policies expiring, the review queue) and the projects
 * table; a sub's people and brokers get their own certificates by status and their policies expiring soon.
 */
@Controller
class InsuranceOverviewPage {

    /** How many of one's own expiring policies the short summary lists (the rest are on the certificates page). */
    static final int OWN_EXPIRING_SHOWN = 10;

    private final InsuranceOverview overview;
    private final ExpiringPolicies expiring;

    InsuranceOverviewPage(InsuranceOverview overview, ExpiringPolicies expiring) {
        this.overview = overview;
        this.expiring = expiring;
    }

    @PreAuthorize("hasAuthority('coi:read')")
    @GetMapping("/insurance")
    String overview(@AuthenticationPrincipal Caller caller, Pageable pageable, Model model) {
        boolean compliance = new InsuranceViewer(caller).seesAllOfOrganization() || overview.worksForGeneralContractor(caller);
        model.addAttribute("compliance", compliance);
        model.addAttribute("certificates", overview.certificatesByStatus(caller));
        model.addAttribute("canReport", caller.has("insurance-report:read"));
        if (compliance) {
            model.addAttribute("subcontractors", overview.subcontractorsByInsuranceStatus(caller));
            model.addAttribute("expiring7", expiring.count(caller, 7));
            model.addAttribute("expiring30", expiring.count(caller, 30));
            model.addAttribute("reviewQueue", overview.reviewQueue(caller));
            model.addAttribute("canReview", caller.has("coi:review"));
            model.addAttribute("canCreateProject", caller.has("project:write"));
            model.addAttribute("projects", overview.projects(caller, PageRequests.unsorted(pageable)));
        } else {
            model.addAttribute("ownExpiring", expiring.page(caller, 30, ReportFilter.none(),
                    PageRequest.of(0, OWN_EXPIRING_SHOWN)));
        }
        return "insurance/overview";
    }
}

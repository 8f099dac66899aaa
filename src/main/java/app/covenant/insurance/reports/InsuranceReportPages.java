package app.covenant.insurance.reports;

import app.covenant.platform.ui.PageRequests;
import app.covenant.shared.security.Caller;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /insurance/reports}: subcontractors out of compliance by project (the default), or — with
 * {@code ?expiringDays=N} — the policies expiring within N days; both filtered by project and GC, paged,
 * and downloadable whole as CSV with the same filters; below either, how accurately uploaded certificates were read,
 * per producer (with its own CSV).
 */
@Controller
class InsuranceReportPages {

    private final NonCompliantSubs nonCompliant;
    private final ExpiringPolicies expiring;
    private final ReportChoices choices;
    private final ReportCsv csv;
    private final ExtractionAccuracy accuracy;

    InsuranceReportPages(NonCompliantSubs nonCompliant, ExpiringPolicies expiring, ReportChoices choices, ReportCsv csv,
                         ExtractionAccuracy accuracy) {
        this.nonCompliant = nonCompliant;
        this.expiring = expiring;
        this.choices = choices;
        this.csv = csv;
        this.accuracy = accuracy;
    }

    @PreAuthorize("hasAuthority('insurance-report:read')")
    @GetMapping("/insurance/reports")
    String reports(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) Integer expiringDays,
                   @RequestParam(required = false) UUID projectId, @RequestParam(required = false) UUID gcId,
                   @RequestParam(defaultValue = "false") boolean includePending, Pageable pageable, Model model) {
        ReportFilter filter = new ReportFilter(projectId, gcId, expiringDays == null && includePending);
        model.addAttribute("filter", filter);
        model.addAttribute("gcs", choices.generalContractors(caller));
        model.addAttribute("projects", choices.projects(caller, gcId));
        model.addAttribute("windows", ExpiringPolicies.WINDOWS);
        String query = filter.query();
        if (expiringDays != null) {
            int days = ExpiringPolicies.window(expiringDays, "expiringDays");
            Page<ExpiringPolicyRow> rows = expiring.page(caller, days, filter, PageRequests.unsorted(pageable));
            model.addAttribute("report", "expiring");
            model.addAttribute("days", days);
            model.addAttribute("rows", rows);
            model.addAttribute("baseUrl", "/insurance/reports?expiringDays=" + days + (query.isEmpty() ? "" : "&" + query));
            model.addAttribute("csvHref", "/insurance/reports/expiring.csv?days=" + days + (query.isEmpty() ? "" : "&" + query));
        } else {
            Page<NonCompliantRow> rows = nonCompliant.page(caller, filter, PageRequests.unsorted(pageable));
            model.addAttribute("report", "non-compliant");
            model.addAttribute("rows", rows);
            model.addAttribute("baseUrl", "/insurance/reports" + (query.isEmpty() ? "" : "?" + query));
            model.addAttribute("csvHref", "/insurance/reports/non-compliant.csv" + (query.isEmpty() ? "" : "?" + query));
        }
        model.addAttribute("accuracy", accuracy.report(caller, null, null));
        return "insurance/reports";
    }

    @PreAuthorize("hasAuthority('insurance-report:read')")
    @GetMapping("/insurance/reports/non-compliant.csv")
    ResponseEntity<StreamingResponseBody> nonCompliantCsv(@AuthenticationPrincipal Caller caller,
                                                          @RequestParam(required = false) UUID projectId,
                                                          @RequestParam(required = false) UUID gcId,
                                                          @RequestParam(defaultValue = "false") boolean includePending) {
        return csv.nonCompliant(caller, new ReportFilter(projectId, gcId, includePending));
    }

    @PreAuthorize("hasAuthority('insurance-report:read')")
    @GetMapping("/insurance/reports/expiring.csv")
    ResponseEntity<StreamingResponseBody> expiringCsv(@AuthenticationPrincipal Caller caller,
                                                      @RequestParam(required = false) Integer days,
                                                      @RequestParam(required = false) UUID projectId,
                                                      @RequestParam(required = false) UUID gcId) {
        return csv.expiring(caller, ExpiringPolicies.window(days, "days"), new ReportFilter(projectId, gcId, false));
    }

    @PreAuthorize("hasAuthority('insurance-report:read')")
    @GetMapping("/insurance/reports/extraction-accuracy.csv")
    ResponseEntity<StreamingResponseBody> extractionAccuracyCsv(@AuthenticationPrincipal Caller caller,
                                                                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                                                                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        return csv.extractionAccuracy(caller, from, to);
    }
}

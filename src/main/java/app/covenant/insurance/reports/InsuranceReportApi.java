package app.covenant.insurance.reports;

import app.covenant.shared.security.Caller;
import app.covenant.shared.web.Sorting;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/reports/insurance}: the insurance reports of {@code /insurance/reports} as JSON. */
@RestController
@RequestMapping(path = "/api/v1/reports/insurance", produces = MediaType.APPLICATION_JSON_VALUE)
class InsuranceReportApi {

    private final NonCompliantSubs nonCompliant;
    private final ExpiringPolicies expiring;
    private final ExtractionAccuracy accuracy;

    InsuranceReportApi(NonCompliantSubs nonCompliant, ExpiringPolicies expiring, ExtractionAccuracy accuracy) {
        this.nonCompliant = nonCompliant;
        this.expiring = expiring;
        this.accuracy = accuracy;
    }

    @PreAuthorize("hasAuthority('insurance-report:read')")
    @Operation(summary = "Subcontractors out of compliance (NON_COMPLIANT, EXPIRED; PENDING on request), by project")
    @GetMapping("/non-compliant")
    Page<NonCompliantRow> nonCompliant(@AuthenticationPrincipal Caller caller,
                                       @RequestParam(required = false) UUID projectId,
                                       @RequestParam(required = false) UUID gcId,
                                       @RequestParam(defaultValue = "false") boolean includePending, Pageable pageable) {
        return nonCompliant.page(caller, new ReportFilter(projectId, gcId, includePending),
                Sorting.only(pageable, NonCompliantSubs.SORTS.keySet(), NonCompliantSubs.DEFAULT_SORT));
    }

    @PreAuthorize("hasAuthority('insurance-report:read')")
    @Operation(summary = "Policies of active certificates expiring within 7, 14, 30, 60 or 90 days")
    @GetMapping("/expiring")
    Page<ExpiringPolicyRow> expiring(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) Integer days,
                                     @RequestParam(required = false) UUID projectId,
                                     @RequestParam(required = false) UUID gcId, Pageable pageable) {
        return expiring.page(caller, ExpiringPolicies.window(days, "days"), new ReportFilter(projectId, gcId, false),
                Sorting.only(pageable, ExpiringPolicies.SORTS.keySet(), ExpiringPolicies.DEFAULT_SORT));
    }

    @PreAuthorize("hasAuthority('insurance-report:read')")
    @Operation(summary = "How accurately uploaded ACORD 25s were read, per producer: certificates and fields read, "
            + "fields people corrected, accuracy (1 - corrected / read), by method; readings from `from` to `to` (dates)")
    @GetMapping("/extraction-accuracy")
    ExtractionAccuracy.Report extractionAccuracy(@AuthenticationPrincipal Caller caller,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        return accuracy.report(caller, from, to);
    }
}

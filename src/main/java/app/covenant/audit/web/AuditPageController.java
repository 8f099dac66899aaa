package app.covenant.audit.web;

import app.covenant.audit.AuditVerification;
import app.covenant.audit.internal.AuditFilter;
import app.covenant.audit.internal.AuditLogEntry;
import app.covenant.audit.internal.AuditScope;
import app.covenant.audit.internal.AuditSearch;
import app.covenant.shared.security.Caller;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** The audit log page for administrators, and the chain check it loads with htmx. */
@Controller
@RequestMapping("/admin/audit")
class AuditPageController {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final AuditSearch search;
    private final AuditVerification verification;

    AuditPageController(AuditSearch search, AuditVerification verification) {
        this.search = search;
        this.verification = verification;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('audit:read')")
    String log(@AuthenticationPrincipal Caller caller, @ModelAttribute("filters") AuditPageFilters filters,
               Pageable pageable, Model model) {
        List<String> problems = new ArrayList<>();
        AuditFilter filter = filters.toFilter(problems);
        Page<AuditLogEntry> page = search.search(AuditScope.of(caller), filter, pageable);
        model.addAttribute("problems", problems);
        model.addAttribute("page", page);
        model.addAttribute("rows", page.getContent().stream().map(AuditPageController::row).toList());
        model.addAttribute("baseUrl", filters.url());
        model.addAttribute("filtered", !filters.url().equals("/admin/audit"));
        model.addAttribute("canVerify", caller.has(AuditScope.VERIFY_PERMISSION));
        return "audit/log";
    }

    @GetMapping("/verify")
    @PreAuthorize("hasAuthority('audit:verify')")
    String verify(Model model) {
        model.addAttribute("verification", verification.verify());
        return "audit/log :: verify-result";
    }

    private static Row row(AuditLogEntry entry) {
        return new Row(entry, TIME.format(entry.occurredAt()),
                entry.before() == null ? null : entry.before().toPrettyString(),
                entry.after() == null ? null : entry.after().toPrettyString());
    }

    /** An entry with what the page shows of it already formatted. */
    record Row(AuditLogEntry entry, String time, String before, String after) {
    }
}

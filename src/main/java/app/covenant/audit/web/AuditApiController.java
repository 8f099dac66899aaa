package app.covenant.audit.web;

import app.covenant.audit.AuditVerification;
import app.covenant.audit.internal.AuditFilter;
import app.covenant.audit.internal.AuditLogEntry;
import app.covenant.audit.internal.AuditScope;
import app.covenant.audit.internal.AuditSearch;
import app.covenant.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for API clients: filtered pages and the chain check. */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditApiController {

    private final AuditSearch search;
    private final AuditVerification verification;

    AuditApiController(AuditSearch search, AuditVerification verification) {
        this.search = search;
        this.verification = verification;
    }

    /** Newest first; {@code from} inclusive, {@code to} exclusive (ISO-8601 instants); {@code userId} is the actor, {@code targetType} the kind of record (e.g. {@code user}). */
    @Operation(summary = "Search the audit log")
    @GetMapping
    @PreAuthorize("hasAuthority('audit:read')")
    Page<AuditLogEntry> list(@AuthenticationPrincipal Caller caller,
                             @RequestParam(required = false) String module,
                             @RequestParam(required = false) String action,
                             @RequestParam(required = false) UUID userId,
                             @Parameter(description = "The kind of record, e.g. user, role, document")
                             @RequestParam(required = false) String targetType,
                             @RequestParam(required = false) String targetId,
                             @RequestParam(required = false) Instant from,
                             @RequestParam(required = false) Instant to,
                             Pageable pageable) {
        return search.search(AuditScope.of(caller), new AuditFilter(module, action, userId, targetType, targetId, from, to),
                pageable);
    }

    @Operation(summary = "Verify the audit log's hash chains")
    @GetMapping("/verify")
    @PreAuthorize("hasAuthority('audit:verify')")
    AuditVerification.Result verify() {
        return verification.verify();
    }
}

package app.covenant.contracts.web;

import app.covenant.contracts.ActivityView;
import app.covenant.contracts.ApprovalView;
import app.covenant.contracts.ContractApprovals;
import app.covenant.contracts.ContractDetails;
import app.covenant.contracts.ContractEdit;
import app.covenant.contracts.ContractFilter;
import app.covenant.contracts.ContractStatus;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.Contracts;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/contracts} (API.md "Contracts"; {@code /api/contracts} answers the same). Every route answers 404 for
 * a contract the caller does not see (another organization's, or a colleague's not shared with them).
 */
@RestController
@RequestMapping(path = "/api/v1/contracts", produces = MediaType.APPLICATION_JSON_VALUE)
class ContractApiController {

    private static final String READ = "hasAnyAuthority('contract:read', 'contract:read-all')";

    private final Contracts contracts;
    private final ContractApprovals approvals;

    ContractApiController(Contracts contracts, ContractApprovals approvals) {
        this.contracts = contracts;
        this.approvals = approvals;
    }

    @PreAuthorize("hasAuthority('contract:create')")
    @Operation(summary = "Draft a contract from a template (version 1); 400 naming each bad field or variable")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ContractView create(@AuthenticationPrincipal Caller caller,
                        @RequestBody(required = false) ContractRequests.Create body) {
        if (body == null) {
            throw ProblemException.invalid("templateId", "must name a template");
        }
        return contracts.createFromTemplate(caller, body.templateId(), body.details(), body.variables());
    }

    @PreAuthorize("hasAuthority('contract:upload')")
    @Operation(summary = "Record third-party paper (PDF or DOCX, multipart 'file' and the contract's fields): version 1 "
            + "is the file, its text is searchable")
    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ContractView upload(@AuthenticationPrincipal Caller caller,
                        @RequestParam(name = "file", required = false) MultipartFile file,
                        @RequestParam Map<String, String> fields) {
        ContractDetails details = new ContractDetails(fields.get("title"), fields.get("counterpartyName"),
                fields.get("counterpartyBusinessName"), fields.get("counterpartyEmail"), date(fields, "startDate"),
                date(fields, "endDate"), fields.get("amount"), fields.get("currency"), fields.get("description"),
                fields.containsKey("autoRenew") ? Boolean.valueOf(fields.get("autoRenew")) : null,
                integer(fields, "renewalPeriodMonths"), integer(fields, "noticePeriodDays"));
        if (file == null || file.isEmpty()) {
            return contracts.createFromPaper(caller, details, null, null);
        }
        try (InputStream content = file.getInputStream()) {
            return contracts.createFromPaper(caller, details, file.getOriginalFilename(), content);
        } catch (IOException e) {
            throw ProblemException.invalid("file", "The upload could not be read.");
        }
    }

    @PreAuthorize(READ)
    @Operation(summary = "The contracts one sees, newest first; filters status, q (title, reference, counterparty, "
            + "text), expiringDays, templateId, ownerId")
    @GetMapping
    Page<ContractView> list(@AuthenticationPrincipal Caller caller,
                            @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                            @RequestParam(required = false) Integer expiringDays,
                            @RequestParam(required = false) UUID templateId,
                            @RequestParam(required = false) UUID ownerId,
                            @PageableDefault(size = 20) Pageable pageable) {
        return contracts.list(caller, new ContractFilter(status(status), q, expiringDays, templateId, ownerId),
                pageable);
    }

    @PreAuthorize(READ)
    @Operation(summary = "A contract")
    @GetMapping("/{id}")
    ContractView find(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return contracts.find(caller, id);
    }

    @PreAuthorize("hasAuthority('contract:create')")
    @Operation(summary = "Edit (a new version): DRAFT or REVISION_REQUESTED only, by the owner or legal; If-Match or "
            + "'version' refuses a stale edit (409)")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ContractView update(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                        @RequestBody(required = false) ContractRequests.Edit body) {
        if (body == null) {
            return contracts.update(caller, id, null);
        }
        Long expected = body.version() != null ? body.version() : version(ifMatch);
        return contracts.update(caller, id, new ContractEdit(body.details(), body.bodyHtml(), body.annexures(),
                body.variables(), expected));
    }

    @PreAuthorize("hasAuthority('contract:create')")
    @Operation(summary = "Submit for approval (DRAFT / REVISION_REQUESTED): a new round, SENT_TO_LEGAL; target FINANCE "
            + "adds a finance approval")
    @PostMapping("/{id}/submit")
    ContractView submit(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                        @RequestBody(required = false) ContractRequests.Submit body) {
        return approvals.submit(caller, id, body == null ? null : body.target());
    }

    @PreAuthorize("hasAnyAuthority('contract:read', 'contract:read-all', 'contract:terminate')")
    @Operation(summary = "Cancel before ACTIVE (the owner, or contract:terminate), with a reason")
    @PostMapping("/{id}/cancel")
    ContractView cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                        @RequestBody(required = false) ContractRequests.Reason body) {
        return contracts.cancel(caller, id, body == null ? null : body.reason());
    }

    @PreAuthorize("hasAuthority('contract:terminate')")
    @Operation(summary = "Terminate an ACTIVE contract with a reason and the date it ends (default today)")
    @PostMapping("/{id}/terminate")
    ContractView terminate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                           @RequestBody(required = false) ContractRequests.Termination body) {
        return contracts.terminate(caller, id, body == null ? null : body.reason(), body == null ? null : body.date());
    }

    @PreAuthorize(READ)
    @Operation(summary = "Every approval of every round, oldest first")
    @GetMapping("/{id}/approvals")
    List<ApprovalView> approvals(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return approvals.ofContract(caller, id);
    }

    @PreAuthorize(READ)
    @Operation(summary = "The contract's activity, newest first (legal-only entries for legal)")
    @GetMapping("/{id}/audit")
    List<ActivityView> audit(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return contracts.activity(caller, id);
    }

    @PreAuthorize(READ)
    @Operation(summary = "The members the contract is shared with")
    @GetMapping("/{id}/shares")
    Map<String, List<UUID>> shares(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return Map.of("userIds", contracts.shares(caller, id));
    }

    @PreAuthorize(READ)
    @Operation(summary = "Share with a member of the organization (the owner, or contract:read-all)")
    @PostMapping("/{id}/shares")
    Map<String, List<UUID>> share(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                  @RequestBody(required = false) ContractRequests.Share body) {
        return Map.of("userIds", contracts.share(caller, id, body == null ? null : body.userId()));
    }

    @PreAuthorize(READ)
    @Operation(summary = "Stop sharing with a member")
    @DeleteMapping("/{id}/shares/{userId}")
    Map<String, List<UUID>> unshare(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                    @PathVariable UUID userId) {
        return Map.of("userIds", contracts.unshare(caller, id, userId));
    }

    private static ContractStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ContractStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + List.of(ContractStatus.values()));
        }
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be the contract's version, e.g. \"3\"");
        }
    }

    private static LocalDate date(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date yyyy-MM-dd");
        }
    }

    private static Integer integer(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
    }
}

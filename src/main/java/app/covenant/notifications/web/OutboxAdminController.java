package app.covenant.notifications.web;

import app.covenant.notifications.internal.OutboxAdministration;
import app.covenant.notifications.internal.OutboxAdministration.OutboxEmailView;
import app.covenant.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/outbox}: outgoing e-mail with its delivery state, and retry of a given-up one. */
@RestController
@RequestMapping(path = "/api/v1/admin/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
class OutboxAdminController {

    private final OutboxAdministration outbox;

    OutboxAdminController(OutboxAdministration outbox) {
        this.outbox = outbox;
    }

    @PreAuthorize("hasAuthority('outbox:read')")
    @Operation(summary = "List the e-mail outbox")
    @GetMapping
    Page<OutboxEmailView> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String status,
                               Pageable pageable) {
        return outbox.list(caller, status, pageable);
    }

    @PreAuthorize("hasAuthority('outbox:read')")
    @Operation(summary = "Get an outbox e-mail")
    @GetMapping("/{id}")
    OutboxEmailView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return outbox.open(caller, id);
    }

    @PreAuthorize("hasAuthority('outbox:read')")
    @Operation(summary = "Send a failed or given-up e-mail again")
    @PostMapping("/{id}/retry")
    OutboxEmailView retry(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return outbox.retry(caller, id);
    }
}

package app.covenant.contracts.web;

import app.covenant.contracts.ContractVersions;
import app.covenant.contracts.ContractView;
import app.covenant.contracts.VersionComparison;
import app.covenant.contracts.VersionView;
import app.covenant.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/contracts/{id}/versions}: list, one, compare two, restore. */
@RestController
@RequestMapping(path = "/api/v1/contracts/{id}/versions", produces = MediaType.APPLICATION_JSON_VALUE)
class ContractVersionApiController {

    private final ContractVersions versions;

    ContractVersionApiController(ContractVersions versions) {
        this.versions = versions;
    }

    @PreAuthorize("hasAnyAuthority('contract:read', 'contract:read-all')")
    @Operation(summary = "The versions, newest first (number, author, time, kind, changed fields)")
    @GetMapping
    Page<VersionView> list(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                           @PageableDefault(size = 20) Pageable pageable) {
        return versions.list(caller, id, pageable);
    }

    @PreAuthorize("hasAnyAuthority('contract:read', 'contract:read-all')")
    @Operation(summary = "Compare two versions: changed fields, word-level diff of the body and of each annexure")
    @GetMapping("/compare")
    VersionComparison compare(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                              @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to) {
        // Missing numbers are checked by the service after the contract's visibility (404 first).
        return versions.compare(caller, id, from == null ? 0 : from, to == null ? 0 : to);
    }

    @PreAuthorize("hasAnyAuthority('contract:read', 'contract:read-all')")
    @Operation(summary = "One version with its snapshot")
    @GetMapping("/{number:\\d+}")
    VersionView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable int number) {
        return versions.get(caller, id, number);
    }

    @PreAuthorize("hasAuthority('contract:create')")
    @Operation(summary = "Restore a version as a new one (DRAFT / REVISION_REQUESTED only, by the owner or legal)")
    @PostMapping("/{number:\\d+}/restore")
    ContractView restore(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable int number) {
        return versions.restore(caller, id, number);
    }
}

package app.covenant.insurance.contractors.web;

import app.covenant.insurance.contractors.ContractorDetails;
import app.covenant.insurance.contractors.ContractorDirectory;
import app.covenant.insurance.contractors.ContractorFilter;
import app.covenant.insurance.contractors.ContractorView;
import app.covenant.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/contractors}: GCs and subs, their people and their computed insurance status. */
@RestController
@RequestMapping(path = "/api/v1/contractors", produces = MediaType.APPLICATION_JSON_VALUE)
class ContractorApiController {

    private final ContractorDirectory directory;

    ContractorApiController(ContractorDirectory directory) {
        this.directory = directory;
    }

    /** {@code POST /contractors/{id}/people}. */
    record PersonRequest(String email, String name) {
    }

    @PreAuthorize("hasAuthority('contractor:read')")
    @Operation(summary = "List contractors")
    @GetMapping
    Page<ContractorView> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String type,
                              @RequestParam(required = false) String status,
                              @RequestParam(required = false) String insuranceStatus,
                              @RequestParam(required = false) String trade, @RequestParam(required = false) String q,
                              @PageableDefault(size = 20) Pageable pageable) {
        return directory.list(caller, ContractorFilter.of(type, status, insuranceStatus, trade, q), pageable);
    }

    @PreAuthorize("hasAuthority('contractor:write')")
    @Operation(summary = "Add a contractor")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ContractorView create(@AuthenticationPrincipal Caller caller, @RequestBody ContractorDetails.Request request) {
        return directory.create(caller, request);
    }

    @PreAuthorize("hasAuthority('contractor:read')")
    @Operation(summary = "Get a contractor")
    @GetMapping("/{id}")
    ContractorView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return directory.get(caller, id);
    }

    @PreAuthorize("hasAuthority('contractor:write')")
    @Operation(summary = "Change a contractor (every field; the type stays)")
    @PutMapping("/{id}")
    ContractorView update(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                          @RequestBody ContractorDetails.Request request) {
        return directory.update(caller, id, request);
    }

    @PreAuthorize("hasAuthority('contractor:write')")
    @Operation(summary = "Delete a contractor, or deactivate it when projects or certificates refer to it (200 with it)")
    @DeleteMapping("/{id}")
    ResponseEntity<ContractorView> delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        ContractorDirectory.Removal removal = directory.delete(caller, id);
        return removal.deleted() ? ResponseEntity.noContent().build() : ResponseEntity.ok(removal.deactivated());
    }

    @PreAuthorize("hasAuthority('contractor:read')")
    @Operation(summary = "The contractor's computed insurance status, project by project")
    @GetMapping("/{id}/insurance-status")
    ContractorDirectory.InsuranceStanding insuranceStatus(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return directory.insuranceStanding(caller, id);
    }

    @PreAuthorize("hasAuthority('contractor:read')")
    @Operation(summary = "The people linked to the company")
    @GetMapping("/{id}/people")
    List<ContractorDirectory.Person> people(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return directory.people(caller, id);
    }

    @PreAuthorize("hasAuthority('contractor:write')")
    @Operation(summary = "Invite a person of the company by link and link them to it")
    @PostMapping("/{id}/people")
    @ResponseStatus(HttpStatus.CREATED)
    ContractorDirectory.Person invite(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                      @RequestBody PersonRequest request) {
        return directory.invite(caller, id, request.email(), request.name());
    }

    @PreAuthorize("hasAuthority('contractor:write')")
    @Operation(summary = "Unlink a person from the company")
    @DeleteMapping("/{id}/people/{userId}")
    ResponseEntity<Void> unlink(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                @PathVariable UUID userId) {
        directory.unlink(caller, id, userId);
        return ResponseEntity.noContent().build();
    }
}

package app.covenant.insurance.projects.web;

import app.covenant.insurance.projects.AssignmentView;
import app.covenant.insurance.projects.ProjectDetails;
import app.covenant.insurance.projects.ProjectFilter;
import app.covenant.insurance.projects.ProjectRegistry;
import app.covenant.insurance.projects.ProjectView;
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

/** {@code /api/v1/projects}: a GC's projects and the subs assigned to them. */
@RestController
@RequestMapping(path = "/api/v1/projects", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectApiController {

    private final ProjectRegistry registry;

    ProjectApiController(ProjectRegistry registry) {
        this.registry = registry;
    }

    /** {@code POST /projects/{id}/subcontractors}. */
    record AssignmentRequest(UUID subcontractorId, List<String> trades) {
    }

    @PreAuthorize("hasAuthority('project:read')")
    @Operation(summary = "List projects")
    @GetMapping
    Page<ProjectView> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String status,
                           @RequestParam(required = false) String q, @RequestParam(required = false) UUID gcId,
                           @PageableDefault(size = 20) Pageable pageable) {
        return registry.list(caller, ProjectFilter.of(status, q, gcId), pageable);
    }

    @PreAuthorize("hasAuthority('project:write')")
    @Operation(summary = "Create a project")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProjectView create(@AuthenticationPrincipal Caller caller, @RequestBody ProjectDetails.Request request) {
        return registry.create(caller, request);
    }

    @PreAuthorize("hasAuthority('project:read')")
    @Operation(summary = "Get a project")
    @GetMapping("/{id}")
    ProjectView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return registry.get(caller, id);
    }

    @PreAuthorize("hasAuthority('project:write')")
    @Operation(summary = "Change a project (every field)")
    @PutMapping("/{id}")
    ProjectView update(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                       @RequestBody ProjectDetails.Request request) {
        return registry.update(caller, id, request);
    }

    @PreAuthorize("hasAuthority('project:write')")
    @Operation(summary = "Delete a project no certificate refers to (409 otherwise: cancel it)")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        registry.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @PreAuthorize("hasAuthority('project:read')")
    @Operation(summary = "The subs assigned to the project, with trades and latest certificate")
    @GetMapping("/{id}/subcontractors")
    List<AssignmentView> assignments(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return registry.assignments(caller, id);
    }

    @PreAuthorize("hasAuthority('project:write')")
    @Operation(summary = "Assign a sub with its trades (creates its certificate request); 409 when already assigned")
    @PostMapping("/{id}/subcontractors")
    @ResponseStatus(HttpStatus.CREATED)
    AssignmentView assign(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                          @RequestBody AssignmentRequest request) {
        return registry.assign(caller, id, request.subcontractorId(), request.trades());
    }
}

package app.covenant.insurance.programs.web;

import app.covenant.insurance.programs.ProgramCatalog;
import app.covenant.insurance.programs.ProgramRequest;
import app.covenant.insurance.programs.ProgramView;
import app.covenant.insurance.projects.ProjectView;
import app.covenant.shared.problem.ProblemException.FieldError;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/programs}: requirement sets with tiers, their validation, statistics and assignment to projects. */
@RestController
@RequestMapping(path = "/api/v1/programs", produces = MediaType.APPLICATION_JSON_VALUE)
class ProgramApiController {

    private final ProgramCatalog catalog;

    ProgramApiController(ProgramCatalog catalog) {
        this.catalog = catalog;
    }

    /** {@code POST /programs/{id}/assign-project}. */
    record AssignProjectRequest(UUID projectId, ProgramCatalog.Overrides overrides) {
    }

    /** The builder's answer while typing: valid, or the problems by field. */
    record Validation(boolean valid, List<FieldError> problems) {
    }

    @PreAuthorize("hasAuthority('program:read')")
    @Operation(summary = "List programs (the default first)")
    @GetMapping
    Page<ProgramView> list(@AuthenticationPrincipal Caller caller, @PageableDefault(size = 20) Pageable pageable) {
        return catalog.list(caller, pageable);
    }

    @PreAuthorize("hasAuthority('program:read')")
    @Operation(summary = "Per program: projects under it, subs covered, compliant and non-compliant subs")
    @GetMapping("/stats")
    List<ProgramView.Stats> stats(@AuthenticationPrincipal Caller caller) {
        return catalog.stats(caller);
    }

    @PreAuthorize("hasAuthority('program:write')")
    @Operation(summary = "Check a program without saving it (the builder calls it as you type)")
    @PostMapping("/validate")
    Validation validate(@RequestBody ProgramRequest request) {
        List<FieldError> problems = catalog.validate(request);
        return new Validation(problems.isEmpty(), problems);
    }

    @PreAuthorize("hasAuthority('program:write')")
    @Operation(summary = "Create a program")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProgramView create(@AuthenticationPrincipal Caller caller, @RequestBody ProgramRequest request) {
        return catalog.create(caller, request);
    }

    @PreAuthorize("hasAuthority('program:read')")
    @Operation(summary = "Get a program with its tiers")
    @GetMapping("/{id}")
    ProgramView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return catalog.get(caller, id);
    }

    @PreAuthorize("hasAuthority('program:write')")
    @Operation(summary = "Replace a program (every field and its tiers)")
    @PutMapping("/{id}")
    ProgramView update(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                       @RequestBody ProgramRequest request) {
        return catalog.update(caller, id, request);
    }

    @PreAuthorize("hasAuthority('program:write')")
    @Operation(summary = "Delete a program (409 for the default or one in use)")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        catalog.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @PreAuthorize("hasAuthority('program:write')")
    @Operation(summary = "Put a project under this program, with overrides")
    @PostMapping("/{id}/assign-project")
    ProjectView assignProject(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                              @RequestBody AssignProjectRequest request) {
        return catalog.assignProject(caller, id, request.projectId(), request.overrides());
    }
}

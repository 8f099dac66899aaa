package app.covenant.identity.web;

import app.covenant.identity.internal.PermissionCatalog;
import app.covenant.identity.internal.RoleAdministration;
import app.covenant.identity.internal.RoleView;
import app.covenant.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Roles and the permission catalogue. */
@RestController
@org.springframework.web.bind.annotation.RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class RoleController {

    record PermissionView(String code, String module, String description) {
    }

    private final RoleAdministration roles;
    private final PermissionCatalog catalog;

    RoleController(RoleAdministration roles, PermissionCatalog catalog) {
        this.roles = roles;
        this.catalog = catalog;
    }

    @PreAuthorize("hasAuthority('role:read')")
    @Operation(summary = "List the roles of the caller's organization")
    @GetMapping("/api/v1/roles")
    List<RoleView> list(@AuthenticationPrincipal Caller caller) {
        return roles.list(caller);
    }

    @PreAuthorize("hasAuthority('role:read')")
    @Operation(summary = "Get a role")
    @GetMapping("/api/v1/roles/{id}")
    RoleView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return roles.get(caller, id);
    }

    @PreAuthorize("hasAuthority('role:manage')")
    @Operation(summary = "Create a role", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    {"code": "SITE_REVIEWER", "name": "Site reviewer", "description": "Reads documents on site", "permissions": ["document:read", "user:read"]}"""))))
    @PostMapping("/api/v1/roles")
    @ResponseStatus(HttpStatus.CREATED)
    RoleView create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody AdminRequests.CreateRole body) {
        return roles.create(caller, body.code(), body.name(), body.description(), body.permissions());
    }

    @PreAuthorize("hasAuthority('role:manage')")
    @Operation(summary = "Update a role's name, description and permissions")
    @PutMapping("/api/v1/roles/{id}")
    RoleView update(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                    @Valid @RequestBody AdminRequests.UpdateRole body) {
        return roles.update(caller, id, body.name(), body.description(), body.permissions());
    }

    @PreAuthorize("hasAuthority('role:manage')")
    @Operation(summary = "Delete a custom role")
    @DeleteMapping("/api/v1/roles/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        roles.delete(caller, id);
    }

    @PreAuthorize("hasAuthority('role:read')")
    @Operation(summary = "List every permission a role can hold")
    @GetMapping("/api/v1/permissions")
    List<PermissionView> permissions() {
        return catalog.entries().stream()
                .map(entry -> new PermissionView(entry.code(), entry.module(), entry.description())).toList();
    }
}

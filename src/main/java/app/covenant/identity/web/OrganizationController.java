package app.covenant.identity.web;

import app.covenant.identity.internal.FeatureFlags;
import app.covenant.identity.internal.OrganizationAdministration;
import app.covenant.identity.internal.OrganizationView;
import app.covenant.shared.security.Caller;
import app.covenant.shared.web.Sorting;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organizations, their entities and feature flags. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class OrganizationController {

    private static final Set<String> SORTABLE = Set.of("code", "name", "type", "active", "createdAt");

    private final OrganizationAdministration organizations;
    private final FeatureFlags features;

    OrganizationController(OrganizationAdministration organizations, FeatureFlags features) {
        this.organizations = organizations;
        this.features = features;
    }

    @PreAuthorize("hasAuthority('organization:read')")
    @Operation(summary = "List the organizations the caller may see")
    @GetMapping("/api/v1/organizations")
    Page<OrganizationView> list(@AuthenticationPrincipal Caller caller,
                                Pageable pageable) {
        return organizations.list(caller, Sorting.only(pageable, SORTABLE, Sort.by("name")));
    }

    @PreAuthorize("hasAuthority('organization:read')")
    @Operation(summary = "Get an organization")
    @GetMapping("/api/v1/organizations/{id}")
    OrganizationView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return organizations.get(caller, id);
    }

    @PreAuthorize("hasAuthority('organization:manage')")
    @Operation(summary = "Create an organization", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    {"code": "ACME-WEST", "name": "Acme West", "type": "ENTITY", "parentId": "5b0c5e8e-2f34-4a8e-9d0b-1c2d3e4f5a6b"}"""))))
    @PostMapping("/api/v1/organizations")
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationView create(@AuthenticationPrincipal Caller caller,
                            @Valid @RequestBody AdminRequests.CreateOrganization body) {
        return organizations.create(caller, body.code(), body.name(), body.type(), body.parentId());
    }

    @PreAuthorize("hasAuthority('organization:manage')")
    @Operation(summary = "Rename, activate or deactivate an organization")
    @PutMapping("/api/v1/organizations/{id}")
    OrganizationView update(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                            @Valid @RequestBody AdminRequests.UpdateOrganization body) {
        return organizations.update(caller, id, body.name(), body.active());
    }

    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The feature flags of the caller's organization")
    @GetMapping("/api/v1/feature-flags")
    Map<String, Boolean> featureFlags(@AuthenticationPrincipal Caller caller) {
        return features.of(caller.organizationId());
    }

    @PreAuthorize("hasAuthority('feature:manage')")
    @Operation(summary = "Switch a feature flag on or off")
    @PutMapping("/api/v1/feature-flags/{key}")
    Map<String, Boolean> setFeatureFlag(@AuthenticationPrincipal Caller caller, @PathVariable String key,
                                        @Valid @RequestBody AdminRequests.SetFeature body) {
        return organizations.setFeature(caller, key, body.enabled());
    }
}

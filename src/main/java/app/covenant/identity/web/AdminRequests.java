package app.covenant.identity.web;

import app.covenant.shared.web.EmailAddress;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/** Bodies of the administration endpoints. */
final class AdminRequests {

    private AdminRequests() {
    }

    record Invite(@NotBlank @EmailAddress @Size(max = 320) String email, @Size(max = 200) String name,
                  @NotBlank @Size(max = 50) String roleCode, UUID organizationId) {
    }

    record UpdateUser(@Size(min = 1, max = 200) String name,
                      @Size(max = 40) @Pattern(regexp = "[0-9+()\\-. ]*", message = "must be a phone number") String phone,
                      @Size(max = 50) String roleCode) {
    }

    record CreateRole(@NotBlank @Size(max = 50) String code, @NotBlank @Size(max = 100) String name,
                      @Size(max = 500) String description, @NotEmpty Set<@NotBlank String> permissions) {
    }

    record UpdateRole(@Size(min = 1, max = 100) String name, @Size(max = 500) String description,
                      @NotEmpty Set<@NotBlank String> permissions) {
    }

    record CreateOrganization(@NotBlank @Size(max = 20) String code, @NotBlank @Size(max = 200) String name,
                              @Pattern(regexp = "PARENT|ENTITY", message = "must be PARENT or ENTITY") String type,
                              UUID parentId) {
    }

    record UpdateOrganization(@Size(min = 1, max = 200) String name, Boolean active) {
    }

    record SetFeature(@NotNull Boolean enabled) {
    }
}

package app.covenant.identity.internal;

import java.util.List;
import java.util.UUID;

/** A role with its permissions, sorted. */
public record RoleView(UUID id, String code, String name, String description, boolean system, UUID organizationId,
                       List<String> permissions) {

    static RoleView of(Role role) {
        return new RoleView(role.getId(), role.code(), role.name(), role.description(), role.system(),
                role.organizationId(), role.permissions().stream().sorted().toList());
    }
}

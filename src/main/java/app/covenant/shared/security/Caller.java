package app.covenant.shared.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who is asking, in which organization, with which permissions — read fresh for every request.
 * Every module scopes its queries with it; controllers receive it with {@code @AuthenticationPrincipal}.
 */
public record Caller(UUID userId, String email, String name, UUID organizationId, Set<String> roles,
                     Set<String> permissions, UUID sessionId) {

    public static final String SUPER_ADMIN = "SUPER_ADMIN";

    public Caller {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    public boolean has(String permission) {
        return permissions.contains(permission);
    }

    /** The platform operator sees every organization. */
    public boolean isSuperAdmin() {
        return roles.contains(SUPER_ADMIN);
    }

    /** Whether a record of {@code organizationId} is visible to this caller at all. */
    public boolean canSee(UUID organizationId) {
        return isSuperAdmin() || this.organizationId.equals(organizationId);
    }
}

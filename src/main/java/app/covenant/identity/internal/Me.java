package app.covenant.identity.internal;

import java.util.List;
import java.util.UUID;

/** The answer of {@code GET /auth/me}: who I am, where I act now, what I may do, where else I may switch. */
public record Me(MeUser user, OrganizationView organization, List<String> roles, List<String> permissions,
                 List<OrganizationView> organizations) {

    public record MeUser(UUID id, String email, String name, String phone, boolean emailVerified,
                         boolean mustChangePassword) {
    }
}

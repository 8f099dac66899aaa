package app.covenant.identity.web.pages;

import app.covenant.identity.internal.RoleView;
import app.covenant.shared.security.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roles a form offers. The service refuses a role with permissions the admin lacks (and SUPER_ADMIN
 * to anyone but a super admin); offering only the others saves the admin a refusal.
 */
final class RoleChoices {

    private RoleChoices() {
    }

    static List<RoleView> assignable(Caller caller, List<RoleView> roles) {
        if (caller.isSuperAdmin()) {
            return roles;
        }
        return roles.stream()
                .filter(role -> !(role.system() && Caller.SUPER_ADMIN.equals(role.code())))
                .filter(role -> caller.permissions().containsAll(role.permissions()))
                .toList();
    }

    /** Role code → display name, for badges. */
    static Map<String, String> names(List<RoleView> roles) {
        Map<String, String> names = new LinkedHashMap<>();
        roles.forEach(role -> names.putIfAbsent(role.code(), role.name()));
        return names;
    }
}

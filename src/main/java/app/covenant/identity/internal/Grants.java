package app.covenant.identity.internal;

import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Who may hand out which role: never one with a permission the granting admin lacks. */
@Component
class Grants {

    private final RoleRepository roles;

    Grants(RoleRepository roles) {
        this.roles = roles;
    }

    /** The role with this code usable in the organization (the organization's own first, then system). */
    Role assignable(Caller caller, String roleCode, UUID organizationId) {
        Role role = roles.findByCodeFor(roleCode == null ? "" : roleCode, organizationId).stream().findFirst()
                .orElseThrow(() -> ProblemException.invalid("roleCode", "is not a role of this organization"));
        Role loaded = roles.findWithPermissions(role.getId()).orElseThrow();
        requireWithin(caller, loaded.permissions(), "roleCode");
        if (Caller.SUPER_ADMIN.equals(loaded.code()) && loaded.system() && !caller.isSuperAdmin()) {
            throw ProblemException.forbidden("Only a super administrator grants that role.");
        }
        return loaded;
    }

    void requireWithin(Caller caller, Set<String> permissions, String field) {
        if (caller.isSuperAdmin()) {
            return;
        }
        Set<String> missing = new TreeSet<>(permissions);
        missing.removeAll(caller.permissions());
        if (!missing.isEmpty()) {
            throw new ProblemException(403, "You cannot grant permissions you do not hold: " + String.join(", ", missing),
                    List.of(new ProblemException.FieldError(field, "grants more than you hold")),
                    Map.of());
        }
    }
}

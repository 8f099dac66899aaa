package app.covenant.identity.internal;

import app.covenant.audit.AuditEntry;
import app.covenant.audit.AuditTrail;
import app.covenant.identity.SystemRole;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** System roles (edited by a super admin only) and an organization's custom roles. */
@Service
public class RoleAdministration {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,49}");

    private final RoleRepository roles;
    private final MembershipRepository memberships;
    private final Grants grants;
    private final PermissionCatalog catalog;
    private final CallerLoader callers;
    private final AuditTrail audit;
    private final Clock clock;

    RoleAdministration(RoleRepository roles, MembershipRepository memberships, Grants grants,
                       PermissionCatalog catalog, CallerLoader callers, AuditTrail audit, Clock clock) {
        this.catalog = catalog;
        this.roles = roles;
        this.memberships = memberships;
        this.grants = grants;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RoleView> list(Caller caller) {
        return roles.findVisibleTo(caller.organizationId()).stream().map(RoleView::of).toList();
    }

    @Transactional(readOnly = true)
    public RoleView get(Caller caller, UUID id) {
        return RoleView.of(visible(caller, id));
    }

    @Transactional
    public RoleView create(Caller caller, String code, String name, String description, Set<String> permissions) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.invalid("code", "must be UPPER_SNAKE_CASE, 2 to 50 characters");
        }
        if (SystemRole.isSystem(code)) {
            throw ProblemException.invalid("code", "is the code of a system role");
        }
        checkPermissions(caller, permissions);
        if (!roles.findByCodeFor(code, caller.organizationId()).stream().filter(r -> !r.system()).toList().isEmpty()) {
            throw ProblemException.conflict("A role with code " + code + " already exists.");
        }
        Role role = roles.save(new Role(code, name, description, caller.organizationId(), false, permissions,
                clock.instant()));
        audit.record(AuditEntry.of("identity", "role.created").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("role", role.getId())
                .after(Map.of("code", code, "permissions", sorted(permissions))));
        return RoleView.of(role);
    }

    @Transactional
    public RoleView update(Caller caller, UUID id, String name, String description, Set<String> permissions) {
        Role role = visible(caller, id);
        if (role.system() && !caller.isSuperAdmin()) {
            throw ProblemException.forbidden("Only a super administrator edits system roles.");
        }
        checkPermissions(caller, permissions);
        List<String> before = sorted(role.permissions());
        role.update(name == null || name.isBlank() ? role.name() : name, description, permissions);
        callers.forgetRole(id);
        audit.record(AuditEntry.of("identity", "role.updated").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("role", id)
                .before(Map.of("permissions", before)).after(Map.of("permissions", sorted(permissions))));
        return RoleView.of(role);
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        Role role = visible(caller, id);
        if (role.system()) {
            throw ProblemException.conflict("System roles cannot be deleted.");
        }
        if (memberships.existsByRoleId(id)) {
            throw ProblemException.conflict("The role is still held by users; give them another role first.");
        }
        roles.delete(role);
        audit.record(AuditEntry.of("identity", "role.deleted").actor(caller.userId(), caller.email())
                .organization(caller.organizationId()).target("role", id).before(Map.of("code", role.code())));
    }

    private void checkPermissions(Caller caller, Set<String> permissions) {
        if (permissions == null || permissions.isEmpty()) {
            throw ProblemException.invalid("permissions", "must name at least one permission");
        }
        List<String> unknown = permissions.stream().filter(code -> !catalog.exists(code)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("permissions", "unknown: " + String.join(", ", unknown));
        }
        grants.requireWithin(caller, permissions, "permissions");
    }

    private Role visible(Caller caller, UUID id) {
        return roles.findWithPermissions(id)
                .filter(role -> role.system() || caller.organizationId().equals(role.organizationId()))
                .orElseThrow(() -> ProblemException.notFound("Role"));
    }

    private static List<String> sorted(Set<String> codes) {
        return codes.stream().sorted().toList();
    }
}

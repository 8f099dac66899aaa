package app.covenant.identity.web.pages;

import app.covenant.identity.internal.PermissionCatalog;
import app.covenant.identity.internal.RoleAdministration;
import app.covenant.identity.internal.RoleView;
import app.covenant.platform.ui.FormErrors;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Roles and their permission checklists. Custom roles are edited by holders of {@code role:manage};
 * system roles only by a super admin (the service insists; the page just does not offer it).
 */
@Controller
@RequestMapping("/admin/roles")
class RoleAdminPages {

    static final String LIST = "identity/admin-roles";
    static final String EDIT = "identity/admin-role";

    /** What the role form shows: a draft for a new role, or the role being looked at. */
    record RoleDraft(UUID id, String code, String name, String description, boolean system, Set<String> permissions) {

        static RoleDraft of(RoleView role) {
            return new RoleDraft(role.id(), role.code(), role.name(), role.description(), role.system(),
                    Set.copyOf(role.permissions()));
        }
    }

    private final RoleAdministration roles;
    private final PermissionCatalog catalog;

    RoleAdminPages(RoleAdministration roles, PermissionCatalog catalog) {
        this.roles = roles;
        this.catalog = catalog;
    }

    @PreAuthorize("hasAuthority('role:read')")
    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, Model model) {
        List<RoleView> all = roles.list(caller);
        model.addAttribute("systemRoles", all.stream().filter(RoleView::system).toList());
        model.addAttribute("customRoles", all.stream().filter(role -> !role.system()).toList());
        model.addAttribute("canManage", caller.has("role:manage"));
        return LIST;
    }

    @PreAuthorize("hasAuthority('role:manage')")
    @GetMapping("/new")
    String newRole(@AuthenticationPrincipal Caller caller, Model model) {
        return render(caller, new RoleDraft(null, "", "", "", false, Set.of()), model);
    }

    @PreAuthorize("hasAuthority('role:manage')")
    @PostMapping
    String create(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "") String code,
                  @RequestParam(defaultValue = "") String name, @RequestParam(required = false) String description,
                  @RequestParam(name = "permissions", required = false) List<String> permissions,
                  HttpServletResponse response, Model model) {
        Set<String> chosen = permissions == null ? Set.of() : new TreeSet<>(permissions);
        String normalizedCode = code.trim().toUpperCase(Locale.ROOT);
        try {
            if (name.isBlank()) {
                throw ProblemException.invalid("name", "enter a name");
            }
            RoleView created = roles.create(caller, normalizedCode, name.trim(), blankToNull(description), chosen);
            return "redirect:/admin/roles/" + created.id() + "?done=role-created";
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            return render(caller, new RoleDraft(null, normalizedCode, name, description, false, chosen), model);
        }
    }

    @PreAuthorize("hasAuthority('role:read')")
    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        return render(caller, RoleDraft.of(roles.get(caller, id)), model);
    }

    @PreAuthorize("hasAuthority('role:manage')")
    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String description,
                  @RequestParam(name = "permissions", required = false) List<String> permissions,
                  HttpServletResponse response, Model model) {
        Set<String> chosen = permissions == null ? Set.of() : new TreeSet<>(permissions);
        try {
            roles.update(caller, id, name, blankToNull(description), chosen);
            return "redirect:/admin/roles/" + id + "?done=role-saved";
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            RoleView current = roles.get(caller, id);
            return render(caller, new RoleDraft(id, current.code(), name, description, current.system(), chosen), model);
        }
    }

    @PreAuthorize("hasAuthority('role:manage')")
    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, HttpServletResponse response,
                  Model model) {
        try {
            roles.delete(caller, id);
            return "redirect:/admin/roles?done=role-deleted";
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            return render(caller, RoleDraft.of(roles.get(caller, id)), model);
        }
    }

    private String render(Caller caller, RoleDraft role, Model model) {
        boolean editable = caller.has("role:manage") && (!role.system() || caller.isSuperAdmin());
        model.addAttribute("role", role);
        model.addAttribute("editable", editable);
        model.addAttribute("areas", PermissionGroups.of(catalog, role.permissions(), caller.permissions(), caller.isSuperAdmin()));
        return EDIT;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

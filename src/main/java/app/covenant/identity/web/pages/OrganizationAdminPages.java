package app.covenant.identity.web.pages;

import app.covenant.identity.internal.OrganizationAdministration;
import app.covenant.identity.internal.OrganizationView;
import app.covenant.platform.ui.FormErrors;
import app.covenant.platform.ui.PageRequests;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Organizations and their entities. An administrator adds entities under the organization they work in
 * and renames or (de)activates those; a super admin manages every organization.
 */
@Controller
@RequestMapping("/admin/organizations")
class OrganizationAdminPages {

    static final String LIST = "identity/admin-organizations";

    record CreateForm(@NotBlank(message = "enter a code") @Size(max = 20, message = "must be at most 20 characters")
                      String code,
                      @NotBlank(message = "enter a name") @Size(max = 200, message = "must be at most 200 characters")
                      String name,
                      String type, UUID parentId) {
    }

    private final OrganizationAdministration organizations;
    private final PageRequests pages;

    OrganizationAdminPages(OrganizationAdministration organizations, PageRequests pages) {
        this.pages = pages;
        this.organizations = organizations;
    }

    @PreAuthorize("hasAuthority('organization:read')")
    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, Pageable pageable, Model model) {
        model.addAttribute("create", new CreateForm("", "", "ENTITY", null));
        return render(caller, pageable, model);
    }

    @PreAuthorize("hasAuthority('organization:manage')")
    @PostMapping
    String create(@AuthenticationPrincipal Caller caller, @Valid @ModelAttribute("create") CreateForm form,
                  BindingResult binding, HttpServletResponse response, Model model) {
        FormErrors errors;
        if (binding.hasErrors()) {
            errors = FormErrors.of(binding);
            response.setStatus(400);
        } else {
            try {
                organizations.create(caller, form.code(), form.name(), form.type(), form.parentId());
                return "redirect:/admin/organizations?done=organization-created";
            } catch (ProblemException refused) {
                errors = FormErrors.of(refused);
                response.setStatus(refused.status());
            }
        }
        model.addAttribute("errors", errors);
        return render(caller, pages.firstPage(), model);
    }

    @PreAuthorize("hasAuthority('organization:manage')")
    @PostMapping("/{id}/rename")
    String rename(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
                  HttpServletResponse response, Model model) {
        if (name.isBlank() || name.length() > 200) {
            organizations.get(caller, id); // another tenant's organization is "not found" first
            return refuse(caller, new ProblemException(400, "The new name must be 1 to 200 characters."), response, model);
        }
        return update(caller, id, name, null, response, model);
    }

    @PreAuthorize("hasAuthority('organization:manage')")
    @PostMapping("/{id}/activate")
    String activate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, HttpServletResponse response,
                    Model model) {
        return update(caller, id, null, true, response, model);
    }

    @PreAuthorize("hasAuthority('organization:manage')")
    @PostMapping("/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, HttpServletResponse response,
                      Model model) {
        return update(caller, id, null, false, response, model);
    }

    private String update(Caller caller, UUID id, String name, Boolean active, HttpServletResponse response,
                          Model model) {
        try {
            organizations.update(caller, id, name, active);
            return "redirect:/admin/organizations?done=organization-saved";
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            return refuse(caller, refused, response, model);
        }
    }

    private String refuse(Caller caller, ProblemException refused, HttpServletResponse response, Model model) {
        response.setStatus(refused.status());
        model.addAttribute("errors", FormErrors.of(refused));
        model.addAttribute("create", new CreateForm("", "", "ENTITY", null));
        return render(caller, pages.firstPage(), model);
    }

    private String render(Caller caller, Pageable pageable, Model model) {
        Page<OrganizationView> found = organizations.list(caller, PageRequests.inOrder(pageable, Sort.by("name")));
        // Parents by id for the "Part of" column; usually on the same page, else among one's own.
        List<OrganizationView> mine = organizations.mine(caller);
        Map<UUID, String> names = mine.stream()
                .collect(Collectors.toMap(OrganizationView::id, OrganizationView::name, (a, b) -> a));
        found.forEach(org -> names.putIfAbsent(org.id(), org.name()));
        model.addAttribute("organizations", found);
        model.addAttribute("names", names);
        model.addAttribute("manageable", found.stream().collect(Collectors.toMap(OrganizationView::id,
                org -> caller.isSuperAdmin() || org.id().equals(caller.organizationId())
                        || caller.organizationId().equals(org.parentId()))));
        model.addAttribute("canManage", caller.has("organization:manage"));
        model.addAttribute("superAdmin", caller.isSuperAdmin());
        model.addAttribute("current", caller.organizationId());
        model.addAttribute("parents", mine);
        model.addAttribute("baseUrl", "/admin/organizations");
        return LIST;
    }
}

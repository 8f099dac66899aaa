package app.covenant.identity.web.pages;

import app.covenant.identity.internal.Invitations;
import app.covenant.identity.internal.RoleAdministration;
import app.covenant.identity.internal.RoleView;
import app.covenant.identity.internal.UserAdministration;
import app.covenant.identity.internal.UserView;
import app.covenant.platform.ui.FormErrors;
import app.covenant.platform.ui.LocalRedirects;
import app.covenant.platform.ui.PageRequests;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The members of the caller's organization: search, invite, change role, suspend, reinstate, remove
 * — and, where the caller may change the account itself, deactivate, reactivate, unlock. Row actions answer htmx with the updated row and everyone else with a redirect (POST-redirect-GET).
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminPages {

    static final String LIST = "identity/admin-users";
    static final String ROW = "identity/admin-users :: user-row";
    static final String DETAIL = "identity/admin-user";

    record InviteForm(@NotBlank(message = "enter an e-mail address") @Email(message = "is not an e-mail address")
                      @Size(max = 320) String email,
                      @Size(max = 200, message = "must be at most 200 characters") String name,
                      @NotBlank(message = "choose a role") @Size(max = 50) String roleCode) {
    }

    private final UserAdministration users;
    private final Invitations invitations;
    private final RoleAdministration roles;

    UserAdminPages(UserAdministration users, Invitations invitations, RoleAdministration roles) {
        this.users = users;
        this.invitations = invitations;
        this.roles = roles;
    }

    @PreAuthorize("hasAuthority('user:read')")
    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String q,
                Pageable pageable, Model model) {
        model.addAttribute("invite", new InviteForm("", "", ""));
        return renderList(caller, q, pageable, model);
    }

    @PreAuthorize("hasAuthority('user:invite')")
    @PostMapping("/invite")
    String invite(@AuthenticationPrincipal Caller caller, @Valid @ModelAttribute("invite") InviteForm form,
                  BindingResult binding, Pageable pageable, HttpServletResponse response, Model model) {
        FormErrors errors;
        if (binding.hasErrors()) {
            errors = FormErrors.of(binding);
            response.setStatus(400);
        } else {
            try {
                invitations.invite(caller, form.email().trim(), form.name(), form.roleCode(), null);
                return "redirect:/admin/users?done=invited";
            } catch (ProblemException refused) {
                errors = FormErrors.of(refused);
                response.setStatus(refused.status());
            }
        }
        model.addAttribute("errors", errors);
        return renderList(caller, null, PageRequests.unsorted(pageable), model);
    }

    @PreAuthorize("hasAuthority('user:read')")
    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        model.addAttribute("user", users.get(caller, id));
        addRoles(caller, model);
        return DETAIL;
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @PostMapping("/{id}/role")
    String changeRole(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                      @RequestParam(required = false) String roleCode, @RequestParam(required = false) String back,
                      @RequestHeader(name = "HX-Request", required = false) String htmx,
                      HttpServletResponse response, Model model) {
        return act(caller, id, () -> {
            if (roleCode == null || roleCode.isBlank()) {
                // Another organization's user is still "not found" before anything else is said.
                users.get(caller, id);
                throw ProblemException.invalid("roleCode", "choose a role");
            }
            return users.update(caller, id, null, null, roleCode);
        }, "role-changed", back, htmx, response, model);
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @PostMapping("/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                      @RequestParam(required = false) String back,
                      @RequestHeader(name = "HX-Request", required = false) String htmx,
                      HttpServletResponse response, Model model) {
        return act(caller, id, () -> users.deactivate(caller, id), "deactivated", back, htmx, response, model);
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @PostMapping("/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                      @RequestParam(required = false) String back,
                      @RequestHeader(name = "HX-Request", required = false) String htmx,
                      HttpServletResponse response, Model model) {
        return act(caller, id, () -> users.reactivate(caller, id), "reactivated", back, htmx, response, model);
    }

    @PreAuthorize("hasAuthority('user:invite')")
    @PostMapping("/{id}/resend-invitation")
    String resendInvitation(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                            @RequestParam(required = false) String back,
                            @RequestHeader(name = "HX-Request", required = false) String htmx,
                            HttpServletResponse response, Model model) {
        return act(caller, id, () -> invitations.resend(caller, id), "invitation-resent", back, htmx, response,
                model);
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @PostMapping("/{id}/suspend")
    String suspend(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                   @RequestParam(required = false) String back,
                   @RequestHeader(name = "HX-Request", required = false) String htmx,
                   HttpServletResponse response, Model model) {
        return act(caller, id, () -> users.suspend(caller, id), "suspended", back, htmx, response, model);
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @PostMapping("/{id}/reinstate")
    String reinstate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                     @RequestParam(required = false) String back,
                     @RequestHeader(name = "HX-Request", required = false) String htmx,
                     HttpServletResponse response, Model model) {
        return act(caller, id, () -> users.reinstate(caller, id), "reinstated", back, htmx, response, model);
    }

    /** Out of this organization (or the invitation withdrawn): back to the list, the row has nothing left to show. */
    @PreAuthorize("hasAuthority('user:manage')")
    @PostMapping("/{id}/remove")
    String remove(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, HttpServletResponse response,
                  Model model) {
        try {
            users.removeMembership(caller, id);
            return "redirect:/admin/users?done=removed";
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            response.setStatus(refused.status());
            model.addAttribute("errors", new FormErrors(FormErrors.summary(refused), Map.of()));
            model.addAttribute("user", users.get(caller, id));
            addRoles(caller, model);
            return DETAIL;
        }
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @PostMapping("/{id}/unlock")
    String unlock(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                  @RequestParam(required = false) String back,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  HttpServletResponse response, Model model) {
        return act(caller, id, () -> {
            users.unlock(caller, id);
            return users.get(caller, id);
        }, "unlocked", back, htmx, response, model);
    }

    /**
     * Runs a row action. htmx gets the row back — also on a refusal, with the message inside it, because
     * htmx does not swap error responses; a plain form post is redirected, or shown the user's page with
     * the message.
     */
    private String act(Caller caller, UUID id, Supplier<UserView> action, String done, String back, String htmx,
                       HttpServletResponse response, Model model) {
        UserView user;
        String refusal = null;
        try {
            user = action.get();
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            user = users.get(caller, id);
            refusal = FormErrors.summary(refused);
            if (htmx == null) {
                response.setStatus(refused.status());
            }
        }
        if (htmx != null) {
            model.addAttribute("u", user);
            model.addAttribute("rowMessage", refusal == null ? Flash.message(done) : refusal);
            model.addAttribute("rowFailed", refusal != null);
            addRoles(caller, model);
            return ROW;
        }
        if (refusal == null) {
            return "redirect:" + backTo(back, id) + (backTo(back, id).contains("?") ? "&" : "?") + "done=" + done;
        }
        model.addAttribute("errors", new FormErrors(refusal, Map.of()));
        model.addAttribute("user", user);
        addRoles(caller, model);
        return DETAIL;
    }

    private String renderList(Caller caller, String q, Pageable pageable, Model model) {
        Page<UserView> found = users.list(caller, q, PageRequests.inOrder(pageable, Sort.by("name").and(Sort.by("email"))));
        model.addAttribute("users", found);
        model.addAttribute("q", q == null ? "" : q.trim());
        Optional<String> search = Optional.ofNullable(q).filter(s -> !s.isBlank()).map(String::trim);
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/admin/users").queryParamIfPresent("q", search)
                .encode().build().toUriString());
        // Row forms come back to the same search and page.
        model.addAttribute("backUrl", UriComponentsBuilder.fromPath("/admin/users").queryParamIfPresent("q", search)
                .queryParamIfPresent("page", Optional.of(found.getNumber()).filter(n -> n > 0))
                .encode().build().toUriString());
        addRoles(caller, model);
        return LIST;
    }

    private void addRoles(Caller caller, Model model) {
        List<RoleView> all = roles.list(caller);
        model.addAttribute("roleNames", RoleChoices.names(all));
        model.addAttribute("assignableRoles", RoleChoices.assignable(caller, all));
        model.addAttribute("canInvite", caller.has("user:invite"));
        model.addAttribute("canManage", caller.has("user:manage"));
        model.addAttribute("me", caller.userId());
    }

    /** Back to the list (keeping its search and page) or to the user's own page — nowhere else. */
    private static String backTo(String back, UUID id) {
        String path = LocalRedirects.localPath(back);
        return path.equals("/admin/users/" + id) || path.equals("/admin/users") || path.startsWith("/admin/users?")
                ? path : "/admin/users";
    }
}

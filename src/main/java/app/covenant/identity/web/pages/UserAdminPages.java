package app.covenant.identity.web.pages;

import app.covenant.identity.internal.Invitations;
import app.covenant.identity.internal.MemberFilter;
import app.covenant.identity.internal.RoleAdministration;
import app.covenant.identity.internal.RoleView;
import app.covenant.identity.internal.UserAdministration;
import app.covenant.identity.internal.UserView;
import app.covenant.platform.ui.FormErrors;
import app.covenant.platform.ui.LocalRedirects;
import app.covenant.platform.ui.PageRequests;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.shared.web.EmailAddress;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The members of the caller's organization: search and filter by role and status, invite, and — from each
 * row's action menu or the user's page — change role, suspend, reinstate, remove and, where the caller may
 * change the account itself, deactivate, reactivate, unlock. Every action is a plain form post answered
 * with a redirect (POST-redirect-GET) back to where it was made, list filters and page included, with a
 * flash message at the top: reloading never repeats it and nothing shifts under the pointer.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminPages {

    static final String LIST = "identity/admin-users";
    static final String DETAIL = "identity/admin-user";

    record InviteForm(@NotBlank(message = "enter an e-mail address") @EmailAddress
                      @Size(max = 320) String email,
                      @Size(max = 200, message = "must be at most 200 characters") String name,
                      @NotBlank(message = "choose a role") @Size(max = 50) String roleCode) {
    }

    /** The list's query parameters as typed; {@link #url} rebuilds the list with them. */
    record ListQuery(String q, String role, String status, int page) {

        ListQuery {
            q = trimmed(q);
            role = trimmed(role);
            status = trimmed(status);
            page = Math.max(0, page);
        }

        static ListQuery none() {
            return new ListQuery(null, null, null, 0);
        }

        public MemberFilter filter() {
            return MemberFilter.of(q, role, status);
        }

        public boolean filtered() {
            return q != null || role != null || status != null;
        }

        /** The list with these filters, on {@code page} (the first page leaves it out). */
        public String url(int page) {
            return UriComponentsBuilder.fromPath("/admin/users").queryParamIfPresent("q", Optional.ofNullable(q))
                    .queryParamIfPresent("role", Optional.ofNullable(role))
                    .queryParamIfPresent("status", Optional.ofNullable(status))
                    .queryParamIfPresent("page", Optional.of(page).filter(n -> n > 0))
                    .encode().build().toUriString();
        }

        private static String trimmed(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
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
                @RequestParam(required = false) String role, @RequestParam(required = false) String status,
                Pageable pageable, Model model) {
        model.addAttribute("invite", new InviteForm("", "", ""));
        return renderList(caller, new ListQuery(q, role, status, pageable.getPageNumber()), pageable, model);
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
        return renderList(caller, ListQuery.none(), PageRequests.unsorted(pageable), model);
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
                      HttpServletResponse response, Model model) {
        return act(caller, id, () -> {
            if (roleCode == null || roleCode.isBlank()) {
                // Another organization's user is still "not found" before anything else is said.
                users.get(caller, id);
                throw ProblemException.invalid("roleCode", "choose a role");
            }
            return users.update(caller, id, null, null, roleCode);
        }, "role-changed", back, response, model);
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @PostMapping("/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                      @RequestParam(required = false) String back, HttpServletResponse response, Model model) {
        return act(caller, id, () -> users.deactivate(caller, id), "deactivated", back, response, model);
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @PostMapping("/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                      @RequestParam(required = false) String back, HttpServletResponse response, Model model) {
        return act(caller, id, () -> users.reactivate(caller, id), "reactivated", back, response, model);
    }

    @PreAuthorize("hasAuthority('user:invite')")
    @PostMapping("/{id}/resend-invitation")
    String resendInvitation(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                            @RequestParam(required = false) String back, HttpServletResponse response, Model model) {
        return act(caller, id, () -> invitations.resend(caller, id), "invitation-resent", back, response, model);
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @PostMapping("/{id}/suspend")
    String suspend(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                   @RequestParam(required = false) String back, HttpServletResponse response, Model model) {
        return act(caller, id, () -> users.suspend(caller, id), "suspended", back, response, model);
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @PostMapping("/{id}/reinstate")
    String reinstate(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                     @RequestParam(required = false) String back, HttpServletResponse response, Model model) {
        return act(caller, id, () -> users.reinstate(caller, id), "reinstated", back, response, model);
    }

    /** Out of this organization (or the invitation withdrawn): back to the list, the user's page is gone. */
    @PreAuthorize("hasAuthority('user:manage')")
    @PostMapping("/{id}/remove")
    String remove(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                  @RequestParam(required = false) String back, HttpServletResponse response, Model model) {
        try {
            users.removeMembership(caller, id);
            return "redirect:" + withDone(listOnly(back), "removed");
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            return refusedOn(caller, id, refused, response, model);
        }
    }

    @PreAuthorize("hasAuthority('user:manage')")
    @PostMapping("/{id}/unlock")
    String unlock(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                  @RequestParam(required = false) String back, HttpServletResponse response, Model model) {
        return act(caller, id, () -> {
            users.unlock(caller, id);
            return users.get(caller, id);
        }, "unlocked", back, response, model);
    }

    /**
     * Runs an action; done, back to the page it came from with its flash message. A refusal is shown on the
     * user's page, which explains what may be done instead.
     */
    private String act(Caller caller, UUID id, Supplier<UserView> action, String done, String back,
                       HttpServletResponse response, Model model) {
        try {
            action.get();
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            return refusedOn(caller, id, refused, response, model);
        }
        return "redirect:" + withDone(backTo(back, id), done);
    }

    private String refusedOn(Caller caller, UUID id, ProblemException refused, HttpServletResponse response,
                             Model model) {
        response.setStatus(refused.status());
        model.addAttribute("errors", new FormErrors(FormErrors.summary(refused), Map.of()));
        model.addAttribute("user", users.get(caller, id));
        addRoles(caller, model);
        return DETAIL;
    }

    private String renderList(Caller caller, ListQuery query, Pageable pageable, Model model) {
        Page<UserView> found = users.list(caller, query.filter(),
                PageRequests.inOrder(pageable, Sort.by("name").and(Sort.by("email"))));
        model.addAttribute("users", found);
        model.addAttribute("query", query);
        model.addAttribute("statuses", MemberFilter.Status.values());
        model.addAttribute("baseUrl", query.url(0));
        // Row actions come back to the same filters and page.
        model.addAttribute("backUrl", query.url(found.getNumber()));
        model.addAttribute("invitationValidity", invitations.validity());
        addRoles(caller, model);
        return LIST;
    }

    private void addRoles(Caller caller, Model model) {
        List<RoleView> all = roles.list(caller);
        model.addAttribute("roles", all);
        model.addAttribute("roleNames", RoleChoices.names(all));
        model.addAttribute("assignableRoles", RoleChoices.assignable(caller, all));
        model.addAttribute("canInvite", caller.has("user:invite"));
        model.addAttribute("canManage", caller.has("user:manage"));
        model.addAttribute("me", caller.userId());
    }

    /** Back to the list (keeping its filters and page) or to the user's own page — nowhere else. */
    private static String backTo(String back, UUID id) {
        String path = LocalRedirects.localPath(back);
        return path.equals("/admin/users/" + id) ? path : listOnly(back);
    }

    /** Back to the list with its filters and page, whatever else {@code back} says. */
    private static String listOnly(String back) {
        String path = LocalRedirects.localPath(back);
        return path.equals("/admin/users") || path.startsWith("/admin/users?") ? path : "/admin/users";
    }

    private static String withDone(String path, String done) {
        return path + (path.contains("?") ? "&" : "?") + "done=" + done;
    }
}

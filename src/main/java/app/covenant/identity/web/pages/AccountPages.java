package app.covenant.identity.web.pages;

import app.covenant.identity.internal.AccountService;
import app.covenant.identity.internal.ClientInfo;
import app.covenant.identity.internal.SessionAdministration;
import app.covenant.identity.internal.SessionView;
import app.covenant.identity.internal.SignInService;
import app.covenant.identity.internal.SignedIn;
import app.covenant.identity.web.security.CallerAuthentication;
import app.covenant.identity.web.security.SessionCookies;
import app.covenant.platform.ui.FormErrors;
import app.covenant.platform.ui.LocalRedirects;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One's own account: change password, see and end sessions, switch organization. */
@Controller
class AccountPages {

    record PasswordForm(@NotBlank(message = "enter your current password") @Size(max = 128) String currentPassword,
                        @NotBlank(message = "choose a new password")
                        @Size(max = 128, message = "must be at most 128 characters") String newPassword,
                        String confirmPassword) {
    }

    /** A session as the page lists it. */
    record SessionRow(SessionView session, String device) {
    }

    private final AccountService accounts;
    private final SessionAdministration sessions;
    private final SignInService signIn;
    private final SessionCookies cookies;

    AccountPages(AccountService accounts, SessionAdministration sessions, SignInService signIn, SessionCookies cookies) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.signIn = signIn;
        this.cookies = cookies;
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("form", new PasswordForm("", "", ""));
        return "identity/account-password";
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal Caller caller, @Valid @ModelAttribute("form") PasswordForm form,
                          BindingResult binding, HttpServletResponse response, Model model) {
        FormErrors errors = binding.hasErrors() ? FormErrors.of(binding)
                : PasswordFields.mismatch(form.newPassword(), form.confirmPassword());
        if (errors == null) {
            try {
                accounts.changePassword(caller, form.currentPassword(), form.newPassword());
                return "redirect:/account/password?done=password-changed";
            } catch (ProblemException refused) {
                errors = FormErrors.of(refused);
                response.setStatus(refused.status());
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("form", new PasswordForm("", "", ""));
        return "identity/account-password";
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/account/sessions")
    String sessions(@AuthenticationPrincipal Caller caller, Model model) {
        List<SessionRow> rows = sessions.mine(caller).stream()
                .map(session -> new SessionRow(session, DeviceNames.describe(session.userAgent()))).toList();
        model.addAttribute("sessions", rows);
        return "identity/account-sessions";
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/account/sessions/{id}/revoke")
    String revokeSession(CallerAuthentication authentication, @PathVariable UUID id, HttpServletResponse response) {
        Caller caller = authentication.getPrincipal();
        if (id.equals(caller.sessionId())) {
            // Ending this very session is signing out: the access token goes too, and the cookies.
            signIn.signOut(caller, authentication.getCredentials().getId(), authentication.getCredentials().getExpiresAt());
            cookies.clear(response);
            return "redirect:/login?done=signed-out";
        }
        sessions.revoke(caller, id);
        return "redirect:/account/sessions?done=session-revoked";
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/account/switch-organization")
    Object switchOrganization(@AuthenticationPrincipal Caller caller, @RequestParam UUID organizationId,
                              @RequestParam(required = false) String next, HttpServletRequest request,
                              HttpServletResponse response) {
        try {
            SignedIn signedIn = signIn.switchOrganization(caller, organizationId, ClientInfo.of(request));
            cookies.write(response, signedIn);
            return LocalRedirects.to(LocalRedirects.afterSwitch(next));
        } catch (ProblemException refused) {
            if (refused.status() == 401) {
                // The session ended meanwhile (revoked elsewhere): the cookies are of no use any more.
                cookies.clear(response);
                return "redirect:/login";
            }
            throw refused;
        }
    }
}

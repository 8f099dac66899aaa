package app.covenant.identity.web.pages;

import app.covenant.identity.internal.AccountService;
import app.covenant.identity.internal.ClientInfo;
import app.covenant.identity.internal.InvitationAcceptance;
import app.covenant.identity.internal.SignedIn;
import app.covenant.identity.web.security.SessionCookies;
import app.covenant.platform.ui.FormErrors;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The invitation and e-mail verification links. Opening a link only shows a form; the POST uses the
 * token, so mail scanners that fetch every link in a message cannot spend it. An invitation is
 * accepted by a new person with a name and a password, by someone who already has an account with
 * that account's password, or with one click when they are signed in already.
 */
@Controller
class EmailLinkPages {

    static final String ACCEPT = "identity/accept-invite";

    record AcceptForm(@NotBlank @Size(max = 200) String token,
                      @NotBlank(message = "enter your name") @Size(max = 200, message = "must be at most 200 characters")
                      String name,
                      @NotBlank(message = "choose a password") @Size(max = 128, message = "must be at most 128 characters")
                      String password,
                      String confirmPassword) {
    }

    record SignInAcceptForm(@NotBlank @Size(max = 200) String token,
                            @NotBlank(message = "enter your password") @Size(max = 128) String password) {
    }

    private final AccountService accounts;
    private final InvitationAcceptance invitations;
    private final SessionCookies cookies;

    EmailLinkPages(AccountService accounts, InvitationAcceptance invitations, SessionCookies cookies) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.cookies = cookies;
    }

    @PermitAll
    @GetMapping("/accept-invite")
    String acceptForm(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String token,
                      Model model) {
        // The name the inviter typed, if any, is where the newcomer starts.
        String name = invitations.describe(token).map(InvitationAcceptance.InvitationView::name).orElse("");
        return render(caller, new AcceptForm(token, name, "", ""), null, model);
    }

    /** A new account: name and password. */
    @PermitAll
    @PostMapping(path = "/accept-invite", params = {"account!=existing", "decision!=decline"})
    String accept(@AuthenticationPrincipal Caller caller, @Valid @ModelAttribute("form") AcceptForm form,
                  BindingResult binding, HttpServletRequest request, HttpServletResponse response, Model model) {
        FormErrors errors = binding.hasErrors() ? FormErrors.of(binding)
                : PasswordFields.mismatch(form.password(), form.confirmPassword());
        if (errors != null) {
            response.setStatus(400);
            return render(caller, form, errors, model);
        }
        return acceptOr(() -> invitations.accept(null, form.token(), form.name().trim(), form.password(),
                ClientInfo.of(request)), caller, form, true, response, model);
    }

    /**
     * An existing account: its password, and the person is signed in to the organization they join. The
     * same address as the new-account form, so sign-in's public path and rate limit cover it.
     */
    @PermitAll
    @PostMapping(path = "/accept-invite", params = "account=existing")
    String acceptSigningIn(@AuthenticationPrincipal Caller caller,
                           @Valid @ModelAttribute("signIn") SignInAcceptForm form, BindingResult binding,
                           HttpServletRequest request, HttpServletResponse response, Model model) {
        AcceptForm shown = new AcceptForm(form.token(), "", "", "");
        if (binding.hasErrors()) {
            response.setStatus(400);
            return render(caller, shown, FormErrors.of(binding), model);
        }
        return acceptOr(() -> invitations.accept(null, form.token(), null, form.password(), ClientInfo.of(request)),
                caller, shown, false, response, model);
    }

    /**
     * "Not for me": the invitation is withdrawn and its link stops working. Anyone holding the link may;
     * it only ever undoes this one invitation.
     */
    @PermitAll
    @PostMapping(path = "/accept-invite", params = "decision=decline")
    String decline(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String token,
                   HttpServletResponse response, Model model) {
        try {
            invitations.decline(token);
            return "redirect:/accept-invite?done=invitation-declined";
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            return render(caller, new AcceptForm(token, "", "", ""), FormErrors.of(refused), model);
        }
    }

    /** Signed in as the invitee already: one click, no password. */
    @PreAuthorize("isAuthenticated()")
    @PostMapping("/accept-invite/join")
    String join(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String token,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        return acceptOr(() -> invitations.accept(caller, token, null, null, ClientInfo.of(request)), caller,
                new AcceptForm(token, "", "", ""), false, response, model);
    }

    /** Runs the acceptance; a refusal shows beside the new-account form's fields, or above the page. */
    private String acceptOr(Supplier<SignedIn> acceptance, Caller caller, AcceptForm form, boolean besideFields,
                            HttpServletResponse response, Model model) {
        try {
            cookies.write(response, acceptance.get());
            return "redirect:/";
        } catch (ProblemException refused) {
            refused.headers().forEach(response::setHeader);
            response.setStatus(refused.status());
            FormErrors errors = besideFields ? FormErrors.of(refused)
                    : new FormErrors(FormErrors.summary(refused), Map.of());
            return render(caller, new AcceptForm(form.token(), form.name(), "", ""), errors, model);
        }
    }

    private String render(Caller caller, AcceptForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        if (errors != null) {
            model.addAttribute("errors", errors);
        }
        model.addAttribute("invitation", invitations.describe(form.token()).orElse(null));
        model.addAttribute("linkStatus", invitations.status(form.token()).name());
        model.addAttribute("signedInAs", caller == null ? null : caller.email());
        model.addAttribute("forMe", caller != null && invitations.isFor(caller, form.token()));
        return ACCEPT;
    }

    @PermitAll
    @GetMapping("/verify-email")
    String verifyForm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        return "identity/verify-email";
    }

    @PermitAll
    @PostMapping("/verify-email")
    String verify(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
        try {
            accounts.verifyEmail(token);
            return "redirect:/verify-email?done=email-verified";
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            model.addAttribute("token", token);
            return "identity/verify-email";
        }
    }
}

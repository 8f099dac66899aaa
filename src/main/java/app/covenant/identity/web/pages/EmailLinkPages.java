package app.covenant.identity.web.pages;

import app.covenant.identity.internal.AccountService;
import app.covenant.identity.internal.ClientInfo;
import app.covenant.identity.internal.SignedIn;
import app.covenant.identity.web.security.SessionCookies;
import app.covenant.shared.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The invitation and e-mail verification links. Opening a link only shows a form; the POST uses the
 * token, so mail scanners that fetch every link in a message cannot spend it.
 */
@Controller
class EmailLinkPages {

    record AcceptForm(@NotBlank @Size(max = 200) String token,
                      @NotBlank(message = "enter your name") @Size(max = 200, message = "must be at most 200 characters")
                      String name,
                      @NotBlank(message = "choose a password") @Size(max = 128, message = "must be at most 128 characters")
                      String password,
                      String confirmPassword) {
    }

    private final AccountService accounts;
    private final SessionCookies cookies;

    EmailLinkPages(AccountService accounts, SessionCookies cookies) {
        this.accounts = accounts;
        this.cookies = cookies;
    }

    @PermitAll
    @GetMapping("/accept-invite")
    String acceptForm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("form", new AcceptForm(token, "", "", ""));
        return "identity/accept-invite";
    }

    @PermitAll
    @PostMapping("/accept-invite")
    String accept(@Valid @ModelAttribute("form") AcceptForm form, BindingResult binding, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        FormErrors errors = binding.hasErrors() ? FormErrors.of(binding)
                : PasswordFields.mismatch(form.password(), form.confirmPassword());
        if (errors == null) {
            try {
                SignedIn signedIn = accounts.acceptInvitation(form.token(), form.name().trim(), form.password(),
                        ClientInfo.of(request));
                cookies.write(response, signedIn);
                return "redirect:/";
            } catch (ProblemException refused) {
                errors = FormErrors.of(refused);
                response.setStatus(refused.status());
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("form", new AcceptForm(form.token(), form.name(), "", ""));
        return "identity/accept-invite";
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

package app.covenant.identity.web.pages;

import app.covenant.identity.IdentityProperties;
import app.covenant.identity.internal.AccountService;
import app.covenant.identity.internal.ClientInfo;
import app.covenant.platform.ui.FormErrors;
import app.covenant.identity.internal.LinkLifetime;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.web.EmailAddress;
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

/** "Forgot password" and the reset link it e-mails. */
@Controller
class PasswordResetPages {

    record ForgotForm(@NotBlank(message = "enter your e-mail address") @EmailAddress
                      @Size(max = 320) String email) {
    }

    record ResetForm(@NotBlank @Size(max = 200) String token, @NotBlank(message = "choose a new password")
                     @Size(max = 128, message = "must be at most 128 characters") String newPassword,
                     String confirmPassword) {
    }

    private final AccountService accounts;
    private final IdentityProperties properties;

    PasswordResetPages(AccountService accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @PermitAll
    @GetMapping("/forgot-password")
    String forgotForm(Model model) {
        model.addAttribute("form", new ForgotForm(""));
        return "identity/forgot-password";
    }

    @PermitAll
    @PostMapping("/forgot-password")
    String forgot(@Valid @ModelAttribute("form") ForgotForm form, BindingResult binding, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        if (binding.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("errors", FormErrors.of(binding));
            return "identity/forgot-password";
        }
        // The same answer whether or not the address is known.
        accounts.forgotPassword(form.email().trim(), ClientInfo.of(request));
        return "redirect:/forgot-password?done=reset-sent";
    }

    @PermitAll
    @GetMapping("/reset-password")
    String resetForm(@RequestParam(required = false) String token, Model model) {
        // Opening the link does not use it up: only the form's POST does. A dead link says so at once.
        model.addAttribute("form", new ResetForm(token, "", ""));
        model.addAttribute("linkStatus", accounts.resetLinkStatus(token).name());
        model.addAttribute("validFor", LinkLifetime.describe(properties.passwordResetTtl()));
        return "identity/reset-password";
    }

    @PermitAll
    @PostMapping("/reset-password")
    String reset(@Valid @ModelAttribute("form") ResetForm form, BindingResult binding, HttpServletResponse response,
                 Model model) {
        FormErrors errors = binding.hasErrors() ? FormErrors.of(binding) : PasswordFields.mismatch(
                form.newPassword(), form.confirmPassword());
        if (errors == null) {
            try {
                accounts.resetPassword(form.token(), form.newPassword());
                return "redirect:/login?done=password-reset";
            } catch (ProblemException refused) {
                errors = FormErrors.of(refused);
                response.setStatus(refused.status());
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("form", new ResetForm(form.token(), "", ""));
        model.addAttribute("linkStatus", accounts.resetLinkStatus(form.token()).name());
        model.addAttribute("validFor", LinkLifetime.describe(properties.passwordResetTtl()));
        return "identity/reset-password";
    }
}

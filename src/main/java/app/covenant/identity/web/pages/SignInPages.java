package app.covenant.identity.web.pages;

import app.covenant.identity.internal.ClientInfo;
import app.covenant.identity.internal.SignInService;
import app.covenant.identity.internal.SignedIn;
import app.covenant.identity.web.security.CallerAuthentication;
import app.covenant.identity.web.security.SessionCookies;
import app.covenant.platform.ui.FormErrors;
import app.covenant.platform.ui.LocalRedirects;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import app.covenant.shared.web.EmailAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form and sign-out. Tokens go into HttpOnly cookies; the page never sees them. */
@Controller
class SignInPages {

    record SignInForm(@NotBlank(message = "enter your e-mail address") @EmailAddress
                      @Size(max = 320) String email,
                      @NotBlank(message = "enter your password") @Size(max = 128) String password,
                      String next) {
    }

    private final SignInService signIn;
    private final SessionCookies cookies;

    SignInPages(SignInService signIn, SessionCookies cookies) {
        this.signIn = signIn;
        this.cookies = cookies;
    }

    @PermitAll
    @GetMapping("/login")
    Object form(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String next, Model model) {
        if (caller != null && "/logout".equals(next)) {
            // A sign-out posted with an expired access cookie was sent here and this page load renewed the
            // session. Anyone can link here, so the page only offers the sign-out: the user's click posts it.
            return "identity/sign-out";
        }
        if (caller != null) {
            return LocalRedirects.to(LocalRedirects.localPath(next));
        }
        model.addAttribute("form", new SignInForm("", "", LocalRedirects.localPath(next)));
        return "identity/login";
    }

    @PermitAll
    @PostMapping("/login")
    Object signIn(@Valid @ModelAttribute("form") SignInForm form, BindingResult binding, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        String next = LocalRedirects.localPath(form.next());
        if (binding.hasErrors()) {
            return rerender(FormErrors.of(binding), 400, form, next, response, model);
        }
        try {
            SignedIn signedIn = signIn.signIn(form.email().trim(), form.password(), ClientInfo.of(request));
            cookies.write(response, signedIn);
            return LocalRedirects.to(next);
        } catch (ProblemException refused) {
            // 401: one message for unknown e-mail and wrong password alike; 423: the lock with its minutes.
            refused.headers().forEach(response::setHeader);
            return rerender(new FormErrors(refused.getMessage(), Map.of()), refused.status(), form, next,
                    response, model);
        }
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/logout")
    String signOut(CallerAuthentication authentication, HttpServletResponse response) {
        signIn.signOut(authentication.getPrincipal(), authentication.getCredentials().getId(),
                authentication.getCredentials().getExpiresAt());
        cookies.clear(response);
        return "redirect:/login?done=signed-out";
    }

    private static String rerender(FormErrors errors, int status, SignInForm form, String next,
                                   HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("errors", errors);
        // The password is never sent back into the page.
        model.addAttribute("form", new SignInForm(form.email(), "", next));
        return "identity/login";
    }
}

package app.covenant.holdharmless.web;

import app.covenant.holdharmless.HoldHarmlessAgreements;
import app.covenant.platform.ui.FlashMessages;
import app.covenant.platform.ui.FormErrors;
import app.covenant.shared.problem.ProblemException;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization's default hold-harmless template (the one a program requiring the agreement without a template of
 * its own uses): an editor with the placeholders and a live preview ({@code static/js/agreement-template.js} through
 * {@code POST /api/v1/hold-harmless/template-preview}); saved through
 * {@link HoldHarmlessAgreements#saveDefaultTemplate}, or put back to Covenant's standard text. Linked from the
 * program page.
 */
@Controller
class TemplatePages {

    static final String PATH = "/hold-harmless/template";

    private final HoldHarmlessAgreements agreements;

    TemplatePages(HoldHarmlessAgreements agreements) {
        this.agreements = agreements;
    }

    @Bean
    static FlashMessages holdHarmlessTemplateFlashMessages() {
        return new FlashMessages("holdharmless-template", Map.of(
                "template-saved", "The default template was saved.",
                "template-reset", "The default template is Covenant's standard text again."));
    }

    @PreAuthorize("hasAuthority('holdharmless:manage')")
    @GetMapping(PATH)
    String template(@AuthenticationPrincipal Caller caller, Model model) {
        return page(agreements.defaultTemplate(caller.organizationId()), model);
    }

    @PreAuthorize("hasAuthority('holdharmless:manage')")
    @PostMapping(PATH)
    String save(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String html, Model model,
                HttpServletResponse response) {
        try {
            agreements.saveDefaultTemplate(caller, html);
            return "redirect:" + PATH + "?done=template-saved";
        } catch (ProblemException refused) {
            response.setStatus(refused.status());
            model.addAttribute("errors", FormErrors.of(refused));
            return page(html, model);
        }
    }

    @PreAuthorize("hasAuthority('holdharmless:manage')")
    @PostMapping(PATH + "/reset")
    String reset(@AuthenticationPrincipal Caller caller) {
        agreements.resetDefaultTemplate(caller);
        return "redirect:" + PATH + "?done=template-reset";
    }

    private String page(String html, Model model) {
        model.addAttribute("pageTitle", "Default hold-harmless template");
        model.addAttribute("templateHtml", html);
        model.addAttribute("placeholders", agreements.placeholders());
        return "holdharmless/template";
    }
}

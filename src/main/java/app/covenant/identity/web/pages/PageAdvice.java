package app.covenant.identity.web.pages;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * For the pages of this package only: every form starts without errors and the {@code done} flag
 * becomes its success message. Refusals become the error page through the platform's page advice.
 */
@ControllerAdvice(basePackageClasses = PageAdvice.class)
class PageAdvice {

    @ModelAttribute("errors")
    FormErrors errors() {
        return FormErrors.none();
    }

    @ModelAttribute("flash")
    String flash(@RequestParam(name = "done", required = false) String done) {
        return Flash.message(done);
    }
}

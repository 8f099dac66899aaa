package app.covenant.identity.web.pages;

import app.covenant.platform.http.CorrelationId;
import app.covenant.shared.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * For the pages of this package only: every form starts without errors, the {@code done} flag becomes
 * its success message, and a refusal the page did not handle itself is the friendly error page (with
 * the service's own message) instead of the JSON problem the security chain writes for API clients.
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

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(HttpServletRequest request, HttpServletResponse response) {
        return errorPage(HttpStatus.FORBIDDEN, "You do not have the permission this page needs. "
                + "Ask an administrator of your organization if you need it.", request, response);
    }

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException problem, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = HttpStatus.resolve(problem.status());
        problem.headers().forEach(response::setHeader);
        return errorPage(status == null ? HttpStatus.BAD_REQUEST : status, problem.getMessage(), request, response);
    }

    /** The same view and model as the platform's error page, so both look alike. */
    static ModelAndView errorPage(HttpStatus status, String message, HttpServletRequest request,
                                  HttpServletResponse response) {
        response.setStatus(status.value());
        CorrelationId.of(request).ifPresent(id -> response.setHeader(CorrelationId.HEADER, id));
        ModelAndView view = new ModelAndView("error", Map.of(
                "status", status.value(),
                "reason", status.getReasonPhrase(),
                "message", message,
                "correlationId", CorrelationId.of(request).orElse("")));
        view.setStatus(status);
        return view;
    }
}

package app.covenant.platform.http;

import app.covenant.shared.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of page controllers become the friendly error page with their own status (404 for another
 * organization's record, 403, 409…) instead of a 500. JSON controllers are answered first by
 * {@link ApiExceptionHandler}, which has the higher precedence.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionAdvice {

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(HttpServletRequest request, HttpServletResponse response) {
        return ErrorPage.of(HttpStatus.FORBIDDEN, "You do not have the permission this page needs. "
                + "Ask an administrator of your organization if you need it.", request, response);
    }

    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView undecodableParameter(HttpServletRequest request, HttpServletResponse response) {
        return ErrorPage.of(HttpStatus.BAD_REQUEST, "The address has a part that is not correctly encoded.",
                request, response);
    }

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException problem, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = HttpStatus.resolve(problem.status());
        problem.headers().forEach(response::setHeader);
        return ErrorPage.of(status == null ? HttpStatus.BAD_REQUEST : status, problem.getMessage(), request, response);
    }
}

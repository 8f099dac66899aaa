package app.covenant.platform.http;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers errors that happen outside a JSON controller (unknown paths, filters, the servlet
 * container): problem+json for API clients, a friendly page for people. Never a stack trace.
 */
// Public: errors are answered whoever asked.
@PermitAll
@Controller
class ErrorResponseController implements ErrorController {

    private final ProblemResponseWriter problems;

    ErrorResponseController(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = statusOf(request);
        CorrelationId.of(request).ifPresent(id -> response.setHeader(CorrelationId.HEADER, id));
        if (wantsJson(request)) {
            problems.write(Problems.of(status, detailFor(status), request), request, response);
            return null;
        }
        return ErrorPage.of(status, detailFor(status), request, response);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // /error asked for directly (not forwarded by the container after a failure): nothing went wrong, and
            // there is nothing at this address for a caller.
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static boolean wantsJson(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String value ? value : request.getRequestURI();
        if (path.startsWith(request.getContextPath() + "/api/")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && !accept.contains(MediaType.TEXT_HTML_VALUE)
                && (accept.contains("json") || accept.contains("problem"));
    }

    private static String detailFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that method.";
            case CONTENT_TOO_LARGE -> "The request is larger than this server accepts.";
            case UNSUPPORTED_MEDIA_TYPE -> "This address does not accept that content type.";
            case BAD_REQUEST -> "The request could not be understood.";
            case UNAUTHORIZED -> "Please sign in first.";
            case FORBIDDEN -> "You are not allowed to do this.";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side. Quote the correlation id when you report it."
                    : status.getReasonPhrase();
        };
    }
}

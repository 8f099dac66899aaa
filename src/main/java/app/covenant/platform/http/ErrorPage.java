package app.covenant.platform.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** The friendly error page for people: status, reason, message and the correlation id to quote. */
final class ErrorPage {

    private ErrorPage() {
    }

    static ModelAndView of(HttpStatus status, String message, HttpServletRequest request,
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

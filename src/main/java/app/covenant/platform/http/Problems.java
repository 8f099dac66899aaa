package app.covenant.platform.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details the same way everywhere: a stable {@code type} per status,
 * the request path as {@code instance} and the request's correlation id.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:covenant:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return decorate(problem, request);
    }

    /** Fills in what every problem must carry, keeping anything already set. */
    public static ProblemDetail decorate(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(typeFor(problem.getStatus()));
        }
        if (problem.getTitle() == null) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            problem.setTitle(status != null ? status.getReasonPhrase() : "Error");
        }
        if (problem.getInstance() == null && request != null) {
            problem.setInstance(URI.create(originalPath(request)));
        }
        if (request != null) {
            CorrelationId.of(request).ifPresent(id -> problem.setProperty("correlationId", id));
        }
        return problem;
    }

    public static URI typeFor(int status) {
        HttpStatus resolved = HttpStatus.resolve(status);
        String slug = resolved == null ? String.valueOf(status)
                : resolved.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return URI.create(TYPE_PREFIX + slug);
    }

    private static String originalPath(HttpServletRequest request) {
        Object errorUri = request.getAttribute("jakarta.servlet.error.request_uri");
        String path = errorUri instanceof String uri ? uri : request.getRequestURI();
        // Only the path: a query string may carry things that do not belong in a response body.
        return path.replaceAll("[^A-Za-z0-9/._~%!$&'()*+,;=:@-]", "");
    }
}

package app.covenant.platform.health;

import app.covenant.platform.http.ProblemResponseWriter;
import app.covenant.platform.http.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that failed because the database cannot be reached — in the security filters (every signed-in
 * request reads its caller) or in a page — is answered {@code 503} with {@code Retry-After}: the client may
 * simply try again, and nothing is wrong with the request. API controllers are answered the same way by
 * {@link DatabaseUnavailableAdvice}.
 */
@Component
// Right after the correlation id, around everything else (the security filters included).
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    static final String DETAIL = "The database cannot be reached right now. Try again in a few seconds.";

    private final ProblemResponseWriter problems;

    DatabaseUnavailableFilter(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException failure) {
            if (!DatabaseOutage.isUnavailable(failure) || response.isCommitted()) {
                throw failure;
            }
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER.toSeconds()));
            if (wantsPage(request)) {
                response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
                return;
            }
            problems.write(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DETAIL, request),
                    request, response);
        }
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && accept != null && accept.contains("text/html");
    }
}

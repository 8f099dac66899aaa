package app.covenant.platform.ratelimit;

import app.covenant.platform.http.ProblemResponseWriter;
import app.covenant.platform.http.Problems;
import app.covenant.shared.security.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs inside the security filter chain after authentication, so the caller is known: every request
 * draws from the general bucket (the user's, or the client address's when anonymous) and carries its
 * {@code RateLimit-*} headers; sign-in, refresh and password-reset requests draw in addition from a
 * stricter bucket per address and one per submitted e-mail. Over a limit: {@code 429} with
 * {@code Retry-After}.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    /** Health probes and static assets cost nothing and are requested by machines and every page. */
    private static final RequestMatcher EXEMPT = anyOf(null, "/health", "/health/**", "/css/**", "/js/**",
            "/img/**", "/webjars/**", "/favicon.svg");
    private static final RequestMatcher AUTHENTICATION = anyOf(HttpMethod.POST, "/api/v1/auth/login",
            "/api/v1/auth/refresh", "/api/v1/auth/forgot-password", "/api/v1/auth/reset-password",
            "/api/v1/auth/accept-invite", "/api/v1/auth/verify-email", "/login", "/forgot-password", "/reset-password",
            "/accept-invite", "/verify-email");

    private final Limit general;
    private final Limit authentication;
    private final ClientAddress clientAddress;
    private final RateLimiter limiter;
    private final ProblemResponseWriter problems;
    private final JsonMapper json;
    private final int peekLimit;
    private final Predicate<HttpServletRequest> onManagementPort;

    RateLimitFilter(RateLimitProperties properties, ClientAddress clientAddress, RateLimiter limiter,
                    ProblemResponseWriter problems, JsonMapper json, int peekLimit,
                    Predicate<HttpServletRequest> onManagementPort) {
        this.general = Limit.perMinute(properties.perMinute());
        this.authentication = Limit.perMinute(properties.authPerMinute());
        this.clientAddress = clientAddress;
        this.limiter = limiter;
        this.problems = problems;
        this.json = json;
        this.peekLimit = peekLimit;
        this.onManagementPort = onManagementPort;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The management port is reached by the metrics scraper only.
        return EXEMPT.matches(request) || onManagementPort.test(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = clientAddress.of(request);
        Optional<Verdict> overall = limiter.consume(RateLimitKeys.general(signedInUser(), address), general);
        overall.ifPresent(verdict -> describe(verdict, response));
        if (overall.isPresent() && !overall.get().allowed()) {
            reject(overall.get(), request, response);
            return;
        }
        HttpServletRequest passedOn = request;
        if (AUTHENTICATION.matches(request)) {
            SubmittedEmail.Peek peek = SubmittedEmail.peek(request, json, peekLimit);
            passedOn = peek.request();
            Optional<Verdict> refused = limiter.consume(RateLimitKeys.authByAddress(address), authentication)
                    .filter(verdict -> !verdict.allowed())
                    .or(() -> peek.email().flatMap(email ->
                            limiter.consume(RateLimitKeys.authByEmail(email), authentication))
                            .filter(verdict -> !verdict.allowed()));
            if (refused.isPresent()) {
                reject(refused.get(), request, response);
                return;
            }
        }
        chain.doFilter(passedOn, response);
    }

    private static Optional<UUID> signedInUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller.userId()) : Optional.empty();
    }

    private static void describe(Verdict verdict, HttpServletResponse response) {
        response.setHeader(LIMIT, String.valueOf(verdict.limit()));
        response.setHeader(REMAINING, String.valueOf(verdict.remaining()));
        response.setHeader(RESET, String.valueOf(verdict.resetSeconds()));
    }

    private void reject(Verdict verdict, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        describe(verdict, response);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(verdict.retryAfterSeconds()));
        if (isPage(request)) {
            // A person submitting a form gets the friendly error page (same status and headers).
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        problems.write(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many requests. Try again in "
                + verdict.retryAfterSeconds() + " seconds.", request), request, response);
    }

    private static boolean isPage(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getHeader("HX-Request") != null) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    private static RequestMatcher anyOf(HttpMethod method, String... patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns)
                .<RequestMatcher>map(pattern -> paths.matcher(method, pattern)).toList());
    }
}

package app.covenant.identity.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * {@code Authorization: Bearer} for API clients; the session cookie (or a just-refreshed token) for
 * browsers. Spring's resource server exempts requests that carry a token from CSRF checks, which is
 * right for headers but not for cookies: so a cookie token of a state-changing request is only
 * handed out once the request has passed the CSRF filter ({@link #CSRF_PASSED}), and never to a request
 * that carries an {@code Authorization} header of another scheme.
 */
class CookieOrHeaderTokenResolver implements BearerTokenResolver {

    static final String REFRESHED_TOKEN = CookieOrHeaderTokenResolver.class.getName() + ".refreshed";
    static final String CSRF_PASSED = CookieOrHeaderTokenResolver.class.getName() + ".csrfPassed";
    static final String IGNORE_ACCESS_COOKIE = CookieOrHeaderTokenResolver.class.getName() + ".ignoreCookie";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String fromHeader = header.resolve(request);
        if (fromHeader != null) {
            return fromHeader;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            // Another scheme (Basic, ...): the request is not ours to authenticate, and never by the cookie,
            // which would also skip the CSRF check that a header exempts.
            return null;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && request.getAttribute(CSRF_PASSED) == null) {
            return null;
        }
        Object refreshed = request.getAttribute(REFRESHED_TOKEN);
        if (refreshed instanceof String token) {
            return token;
        }
        if (request.getAttribute(IGNORE_ACCESS_COOKIE) != null) {
            return null;
        }
        return SessionCookies.read(request, SessionCookies.ACCESS).orElse(null);
    }
}

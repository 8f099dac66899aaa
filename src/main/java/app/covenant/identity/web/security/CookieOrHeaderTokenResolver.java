package app.covenant.identity.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** {@code Authorization: Bearer} for API clients; the session cookie (or a just-refreshed token) for browsers. */
class CookieOrHeaderTokenResolver implements BearerTokenResolver {

    static final String REFRESHED_TOKEN = CookieOrHeaderTokenResolver.class.getName() + ".refreshed";

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String fromHeader = header.resolve(request);
        if (fromHeader != null) {
            return fromHeader;
        }
        Object refreshed = request.getAttribute(REFRESHED_TOKEN);
        if (refreshed instanceof String token) {
            return token;
        }
        return SessionCookies.read(request, SessionCookies.ACCESS).orElse(null);
    }
}

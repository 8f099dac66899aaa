package app.covenant.identity.web.security;

import app.covenant.identity.IdentityProperties;
import app.covenant.identity.internal.SignedIn;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The browser keeps its tokens in HttpOnly, SameSite=Lax cookies (Secure outside the embedded
 * default), so page scripts never see them. API clients use the Authorization header instead.
 */
@Component
public class SessionCookies {

    public static final String ACCESS = "covenant_access";
    public static final String REFRESH = "covenant_refresh";

    private final boolean secure;
    private final Clock clock;

    SessionCookies(IdentityProperties properties, Clock clock) {
        this.secure = properties.secureCookies();
        this.clock = clock;
    }

    public void write(HttpServletResponse response, SignedIn signedIn) {
        add(response, ACCESS, signedIn.accessToken(), Duration.between(clock.instant(), signedIn.accessTokenExpiresAt()));
        add(response, REFRESH, signedIn.refreshToken(),
                Duration.between(clock.instant(), signedIn.refreshTokenExpiresAt()));
    }

    public void clear(HttpServletResponse response) {
        add(response, ACCESS, "", Duration.ZERO);
        add(response, REFRESH, "", Duration.ZERO);
    }

    /** Forgets only the access token; a live refresh cookie may still renew the session. */
    public void clearAccess(HttpServletResponse response) {
        add(response, ACCESS, "", Duration.ZERO);
    }

    public static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> name.equals(cookie.getName()))
                .map(Cookie::getValue).filter(value -> !value.isBlank()).findFirst();
    }

    private void add(HttpServletResponse response, String name, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(name, value)
                .httpOnly(true).secure(secure).sameSite("Lax").path("/").maxAge(maxAge).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}

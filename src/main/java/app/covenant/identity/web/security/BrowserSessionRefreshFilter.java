package app.covenant.identity.web.security;

import app.covenant.identity.internal.ClientInfo;
import app.covenant.identity.internal.SignInService;
import app.covenant.identity.internal.SignedIn;
import app.covenant.shared.problem.ProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Silent refresh for people: when a page is opened with an expired access cookie but a live refresh
 * cookie, the pair is renewed before authentication. Only top-level page loads and form posts do this — parallel
 * asset or htmx requests would race to reuse the same refresh token, which counts as theft.
 */
class BrowserSessionRefreshFilter extends OncePerRequestFilter {

    private final JwtDecoder decoder;
    private final SignInService signIn;
    private final SessionCookies cookies;

    BrowserSessionRefreshFilter(JwtDecoder decoder, SignInService signIn, SessionCookies cookies) {
        this.decoder = decoder;
        this.signIn = signIn;
        this.cookies = cookies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> refresh = SessionCookies.read(request, SessionCookies.REFRESH);
        if (refresh.isPresent() && isPageLoad(request) && !hasLiveAccessCookie(request)) {
            try {
                SignedIn renewed = signIn.refresh(refresh.get(), ClientInfo.of(request));
                cookies.write(response, renewed);
                request.setAttribute(CookieOrHeaderTokenResolver.REFRESHED_TOKEN, renewed.accessToken());
            } catch (ProblemException refused) {
                cookies.clear(response);
            }
        }
        chain.doFilter(request, response);
    }

    private boolean hasLiveAccessCookie(HttpServletRequest request) {
        Optional<String> access = SessionCookies.read(request, SessionCookies.ACCESS);
        if (access.isEmpty()) {
            return false;
        }
        try {
            decoder.decode(access.get());
            return true;
        } catch (JwtException expiredOrInvalid) {
            return false;
        }
    }

    private static boolean isPageLoad(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader("HX-Request") != null) {
            return false;
        }
        String mode = request.getHeader("Sec-Fetch-Mode");
        if ("POST".equals(request.getMethod())) {
            // A form submitted after the access token expired; CSRF has already been checked.
            return "navigate".equals(mode);
        }
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        if (mode != null) {
            return "navigate".equals(mode);
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }
}

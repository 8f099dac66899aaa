package app.covenant.identity.web.security;

import app.covenant.identity.internal.CallerLoader;
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
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
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
    private final CallerLoader callers;

    BrowserSessionRefreshFilter(JwtDecoder decoder, SignInService signIn, SessionCookies cookies,
                                CallerLoader callers) {
        this.callers = callers;
        this.decoder = decoder;
        this.signIn = signIn;
        this.cookies = cookies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isPageLoad(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> access = SessionCookies.read(request, SessionCookies.ACCESS);
        boolean live = access.isPresent() && isLive(access.get());
        if (access.isPresent() && !live) {
            // Expired, or its session ended elsewhere: the page is served as to a visitor (or renewed
            // below) instead of bouncing to sign-in with the same dead cookie again and again.
            request.setAttribute(CookieOrHeaderTokenResolver.IGNORE_ACCESS_COOKIE, Boolean.TRUE);
            cookies.clearAccess(response);
        }
        Optional<String> refresh = SessionCookies.read(request, SessionCookies.REFRESH);
        if (refresh.isPresent() && !live) {
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

    private boolean isLive(String accessToken) {
        try {
            Jwt jwt = decoder.decode(accessToken);
            return callers.load(UUID.fromString(jwt.getSubject()), UUID.fromString(jwt.getClaimAsString("org")),
                    UUID.fromString(jwt.getClaimAsString("sid")), jwt.getId()).isPresent();
        } catch (JwtException | IllegalArgumentException expiredOrInvalid) {
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

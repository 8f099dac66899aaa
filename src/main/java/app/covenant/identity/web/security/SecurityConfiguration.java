package app.covenant.identity.web.security;

import app.covenant.identity.IdentityProperties;
import app.covenant.identity.internal.CallerLoader;
import app.covenant.identity.internal.SignInService;
import app.covenant.platform.http.ProblemResponseWriter;
import app.covenant.platform.http.Problems;
import app.covenant.platform.idempotency.Idempotency;
import app.covenant.platform.modules.PublicPaths;
import app.covenant.platform.ratelimit.RateLimiting;
import app.covenant.platform.security.HttpSecurityDefaults;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * One filter chain for pages and API. Everything needs a signed-in caller except the public paths the
 * modules declare ({@link PublicPaths} beans); each endpoint then declares its permission with {@code @PreAuthorize} (checked by the
 * authorization-matrix test). CSRF protects requests that a browser authenticates by cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    /** The API description: public in development, behind sign-in in production (API.md). */
    static final String[] API_DOCS_PATHS = {"/api/docs", "/api/docs.json", "/api/docs.json/**", "/api/swagger-ui/**"};

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, HttpSecurityDefaults defaults, JwtDecoder decoder,
            CallerAuthenticationConverter converter, SignInService signIn, SessionCookies cookies, CallerLoader callers,
            ProblemResponseWriter problems, RateLimiting rateLimiting, Idempotency idempotency,
            Environment environment, IdentityProperties properties, ObjectProvider<PublicPaths> publicPaths)
            throws Exception {
        String[] reachableWithoutSignIn = publicPaths.orderedStream().flatMap(paths -> paths.patterns().stream())
                .distinct().toArray(String[]::new);
        boolean publicApiDocs = properties.publicApiDocs();
        defaults.apply(http)
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens())
                        // Every request authenticates anew (stateless): rotating the token each time would
                        // invalidate forms open in other tabs. The token lives as long as the cookie.
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::authenticatedByBrowser))
                .addFilterAfter((request, response, chain) -> {
                    request.setAttribute(CookieOrHeaderTokenResolver.CSRF_PASSED, Boolean.TRUE);
                    chain.doFilter(request, response);
                }, CsrfFilter.class)
                .addFilterBefore(new BrowserSessionRefreshFilter(decoder, signIn, cookies, callers),
                        BearerTokenAuthenticationFilter.class)
                // After authentication, so a signed-in caller's requests count against their own limit.
                .addFilterAfter(rateLimiting.filter(), BearerTokenAuthenticationFilter.class)
                // Keys belong to a user, so retries are matched after authentication (and after the limiter).
                // Sign-in answers hold tokens: they are never kept for replay.
                .addFilterAfter(idempotency.asFilterNeverStoring("/api/v1/auth/"), BearerTokenAuthenticationFilter.class)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new CookieOrHeaderTokenResolver())
                        .authenticationEntryPoint(entryPoint(problems, cookies))
                        .accessDeniedHandler(accessDenied(problems))
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint(problems, cookies))
                        .accessDeniedHandler(accessDenied(problems)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(reachableWithoutSignIn).permitAll()
                        .requestMatchers(API_DOCS_PATHS).access(publicApiDocs
                                ? (authentication, context) -> new AuthorizationDecision(true)
                                : AuthenticatedAuthorizationManager.authenticated())
                        // The management port is reached by the metrics scraper only (not exposed publicly).
                        .requestMatchers(request -> onManagementPort(request, environment)).permitAll()
                        // Metrics span every organization: for platform operators (metrics:read, SUPER_ADMIN only).
                        .requestMatchers("/actuator/**").hasAuthority("metrics:read")
                        .anyRequest().authenticated());
        return http.build();
    }

    private static boolean onManagementPort(HttpServletRequest request, Environment environment) {
        // Known once the management server has started on its own port (production); absent otherwise.
        String port = environment.getProperty("local.management.port");
        return port != null && Integer.parseInt(port) == request.getLocalPort()
                && !port.equals(environment.getProperty("local.server.port"));
    }

    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setHeaderName("X-CSRF-Token");
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
        return repository;
    }

    /**
     * State-changing requests need a CSRF token unless they carry a bearer token (any other
     * {@code Authorization} scheme exempts nothing); API calls without session cookies (a client signing
     * in) are exempt too — a forged cross-site request always comes with the victim's cookies.
     */
    static boolean authenticatedByBrowser(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || hasBearerToken(request)) {
            return false;
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        boolean hasSessionCookie = SessionCookies.read(request, SessionCookies.ACCESS).isPresent()
                || SessionCookies.read(request, SessionCookies.REFRESH).isPresent();
        return !api || hasSessionCookie;
    }

    private static boolean hasBearerToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static AuthenticationEntryPoint entryPoint(ProblemResponseWriter problems, SessionCookies cookies) {
        return (request, response, exception) -> {
            boolean staleCookie = request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    && SessionCookies.read(request, SessionCookies.ACCESS).isPresent();
            if (staleCookie) {
                // The cookie's session ended elsewhere or it expired: forget it (the refresh cookie may
                // still renew the session), or every page, sign-in included, would bounce to sign-in.
                cookies.clearAccess(response);
            }
            if (isPage(request)) {
                String target = request.getRequestURI().substring(request.getContextPath().length());
                response.sendRedirect(request.getContextPath() + "/login?next="
                        + URLEncoder.encode(target, StandardCharsets.UTF_8));
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(Problems.of(HttpStatus.UNAUTHORIZED, "Sign in first: the request has no valid access token.",
                    request), request, response);
        };
    }

    private static AccessDeniedHandler accessDenied(ProblemResponseWriter problems) {
        return (request, response, exception) -> {
            if (isPage(request) && !request.getMethod().equals("GET")) {
                response.sendError(HttpStatus.FORBIDDEN.value());
                return;
            }
            String detail = exception instanceof org.springframework.security.web.csrf.CsrfException
                    ? "The form has expired or did not come from this site. Reload the page and try again."
                    : "You do not have the permission this action needs.";
            problems.write(Problems.of(HttpStatus.FORBIDDEN, detail, request), request, response);
        };
    }

    private static boolean isPage(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getHeader("HX-Request") != null) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }
}

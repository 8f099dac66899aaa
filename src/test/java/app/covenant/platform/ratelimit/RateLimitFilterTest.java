package app.covenant.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import app.covenant.platform.http.ProblemResponseWriter;
import app.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** The filter on its own: which buckets a request draws from, and what it leaves of the request. */
class RateLimitFilterTest {

    final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    final ProblemResponseWriter problems = mock(ProblemResponseWriter.class);

    RateLimitFilterTest() throws Exception {
        // Stands in for the real writer (whose output the integration tests check): status and type only.
        doAnswer(call -> {
            HttpServletResponse response = call.getArgument(2);
            response.setStatus(429);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            return null;
        }).when(problems).write(any(), any(), any());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyResponseCarriesTheGeneralLimit() throws Exception {
        RateLimitFilter filter = filter(5, 3);

        MockHttpServletResponse response = run(filter, get("/api/v1/contracts", "198.51.100.1"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("RateLimit-Limit")).isEqualTo("5");
        assertThat(response.getHeader("RateLimit-Remaining")).isEqualTo("4");
        assertThat(response.getHeader("RateLimit-Reset")).isEqualTo("12");
        assertThat(response.getHeader("Retry-After")).isNull();
    }

    @Test
    void overTheGeneralLimitTheAnswerIs429WithRetryAfter() throws Exception {
        RateLimitFilter filter = filter(2, 3);
        run(filter, get("/api/v1/contracts", "198.51.100.1"));
        run(filter, get("/api/v1/contracts", "198.51.100.1"));

        MockHttpServletResponse refused = run(filter, get("/api/v1/contracts", "198.51.100.1"));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("30");
        assertThat(refused.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(run(filter, get("/api/v1/contracts", "198.51.100.2")).getStatus())
                .as("another address").isEqualTo(200);

        clock.advance(Duration.ofSeconds(30));
        assertThat(run(filter, get("/api/v1/contracts", "198.51.100.1")).getStatus()).isEqualTo(200);
    }

    @Test
    void aSignedInCallerHasTheirOwnLimitNotTheAddresses() throws Exception {
        RateLimitFilter filter = filter(1, 3);
        signIn(UUID.randomUUID());
        assertThat(run(filter, get("/api/v1/contracts", "198.51.100.1")).getStatus()).isEqualTo(200);

        assertThat(run(filter, get("/api/v1/contracts", "198.51.100.2")).getStatus())
                .as("the same user from elsewhere").isEqualTo(429);
        SecurityContextHolder.clearContext();
        assertThat(run(filter, get("/api/v1/contracts", "198.51.100.1")).getStatus())
                .as("an anonymous client at the user's address").isEqualTo(200);
    }

    @Test
    void healthAndStaticAssetsAreNotLimited() throws Exception {
        RateLimitFilter filter = filter(1, 1);
        for (String path : List.of("/health", "/health/ready", "/css/app.css", "/js/app.js", "/img/logo.svg",
                "/webjars/htmx/htmx.min.js", "/favicon.svg", "/health")) {
            MockHttpServletResponse response = run(filter, get(path, "198.51.100.1"));
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            assertThat(response.getHeader("RateLimit-Limit")).as(path).isNull();
        }
        assertThat(run(filter, get("/api/v1/contracts", "198.51.100.1")).getStatus()).isEqualTo(200);
    }

    @Test
    void signInIsLimitedPerAddress() throws Exception {
        RateLimitFilter filter = filter(100, 2);
        assertThat(run(filter, jsonLogin("a@example.test", "198.51.100.1")).getStatus()).isEqualTo(200);
        assertThat(run(filter, jsonLogin("b@example.test", "198.51.100.1")).getStatus()).isEqualTo(200);

        MockHttpServletResponse refused = run(filter, jsonLogin("c@example.test", "198.51.100.1"));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("RateLimit-Limit")).as("the limit that was hit").isEqualTo("2");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("30");
        assertThat(run(filter, get("/api/v1/contracts", "198.51.100.1")).getStatus())
                .as("other requests of that address still pass").isEqualTo(200);
    }

    @Test
    void signInIsLimitedPerEmailFromJsonAndFromForms() throws Exception {
        RateLimitFilter filter = filter(100, 2);
        assertThat(run(filter, jsonLogin("ada@example.test", "198.51.100.1")).getStatus()).isEqualTo(200);
        assertThat(run(filter, form("/forgot-password", "ADA@example.test", "198.51.100.2")).getStatus())
                .isEqualTo(200);

        assertThat(run(filter, jsonLogin("ada@example.test", "198.51.100.3")).getStatus()).isEqualTo(429);
        assertThat(run(filter, form("/login", "bob@example.test", "198.51.100.4")).getStatus()).isEqualTo(200);
    }

    @Test
    void theControllerStillReadsTheWholeBody() throws Exception {
        RateLimitFilter filter = filter(100, 10);
        String body = "{\"email\":\"ada@example.test\",\"password\":\"" + "x".repeat(40_000) + "\"}";
        MockHttpServletRequest request = jsonLogin("ignored", "198.51.100.1");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        HttpServletRequest passedOn = (HttpServletRequest) chain.getRequest();
        assertThat(new String(passedOn.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void theControllerCanReadTheBodyAsText() throws Exception {
        RateLimitFilter filter = filter(100, 10);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(jsonLogin("ada@example.test", "198.51.100.1"), new MockHttpServletResponse(), chain);

        String text = ((HttpServletRequest) chain.getRequest()).getReader().readLine();
        assertThat(text).isEqualTo("{\"email\":\"ada@example.test\",\"password\":\"not-it\"}");
    }

    @Test
    void aPersonAtAFormGetsTheErrorPage() throws Exception {
        RateLimitFilter filter = filter(100, 1);
        run(filter, form("/login", "ada@example.test", "198.51.100.1"));

        MockHttpServletRequest page = form("/login", "ada@example.test", "198.51.100.1");
        page.addHeader("Accept", "text/html,application/xhtml+xml");
        MockHttpServletResponse refused = run(filter, page);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getErrorMessage()).isNull();
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
    }

    @Test
    void requestsOnlyReadingAreNotSignInAttempts() throws Exception {
        RateLimitFilter filter = filter(100, 1);
        for (int i = 0; i < 3; i++) {
            assertThat(run(filter, get("/login", "198.51.100.1")).getStatus()).isEqualTo(200);
        }
    }

    private RateLimitFilter filter(long perMinute, long authPerMinute) {
        RateLimitProperties properties = new RateLimitProperties(true, perMinute, authPerMinute, List.of(), 1000,
                Duration.ofMillis(500));
        RateLimiter limiter = new RateLimiter(new LocalBucketStore(1000, new ClockTimeMeter(clock)), clock);
        return new RateLimitFilter(properties, new ClientAddress(properties.trustedProxies()), limiter, problems,
                JsonMapper.builder().build(), SubmittedEmail.PEEK_LIMIT, request -> false);
    }

    private static MockHttpServletResponse run(RateLimitFilter filter, MockHttpServletRequest request)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest get(String path, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        return request;
    }

    private static MockHttpServletRequest jsonLogin(String email, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/login");
        request.setRemoteAddr(address);
        request.setContentType(MediaType.APPLICATION_JSON_VALUE);
        request.setContent(("{\"email\":\"" + email + "\",\"password\":\"not-it\"}").getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static MockHttpServletRequest form(String path, String email, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(address);
        request.setContentType(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        request.addParameter("email", email);
        return request;
    }

    private static void signIn(UUID userId) {
        Caller caller = new Caller(userId, "user@example.test", "User", UUID.randomUUID(), Set.of("USER"), Set.of(),
                UUID.randomUUID());
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(caller, null));
    }
}

package app.covenant.identity.pages;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.pages.PageClient.Page;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Sign-in and sign-out through the pages, with real cookies and CSRF tokens. */
class SignInPagesTest extends TenantPageTest {

    @Autowired
    TestRestTemplate http;

    PageClient browser;

    @BeforeEach
    void setUp() {
        browser = new PageClient(port);
    }

    @Test
    void signInPageOffersAFormWithItsCsrfToken() {
        Page page = browser.get("/login");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Sign in · Covenant</title>", "action=\"/login\"",
                "autocomplete=\"current-password\"", "href=\"/forgot-password\"");
        assertThat(page.csrf()).isNotBlank();
        assertThat(browser.cookie("XSRF-TOKEN")).as("CSRF cookie").isPresent();
    }

    @Test
    void signingInWritesHttpOnlyCookiesAndGoesToTheRequestedPage() {
        Page anonymous = browser.get("/account/sessions");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/login?next=%2Faccount%2Fsessions");

        Page signedIn = browser.submit("/login?next=%2Faccount%2Fsessions", "/login",
                Map.of("email", tenant.email("MANAGER"), "password", TestTenants.PASSWORD,
                        "next", "/account/sessions"));

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.location()).endsWith("/account/sessions");
        assertThat(signedIn.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("covenant_access=").contains("HttpOnly", "SameSite=Lax", "Path=/"));
        assertThat(signedIn.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("covenant_refresh=").contains("HttpOnly"));
        Page sessions = browser.get("/account/sessions");
        assertThat(sessions.status()).isEqualTo(200);
        assertThat(sessions.body()).contains("Test MANAGER", "Tenant " + tenant.code(), "This session",
                "action=\"/logout\"");
    }

    @Test
    void wrongPasswordAndUnknownEmailShowTheSameGenericMessage() {
        Page wrong = browser.submit("/login", "/login",
                Map.of("email", tenant.email("USER"), "password", "not-the-password"));
        Page unknown = browser.submit("/login", "/login",
                Map.of("email", "nobody-" + tenant.code() + "@example.test", "password", "not-the-password"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("Invalid e-mail or password.").doesNotContain("not-the-password");
        assertThat(unknown.body()).contains("Invalid e-mail or password.");
        assertThat(wrong.body()).contains("value=\"" + tenant.email("USER") + "\"");
        assertThat(browser.cookie("covenant_access")).isEmpty();
    }

    @Test
    void fiveFailuresLockTheAddressAndThePageSaysForHowLong() {
        String email = tenant.email("LEGAL_MANAGER");
        for (int i = 0; i < 5; i++) {
            browser.submit("/login", "/login", Map.of("email", email, "password", "wrong-password-" + i));
        }
        Page locked = browser.submit("/login", "/login", Map.of("email", email, "password", TestTenants.PASSWORD));

        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.response().headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("Too many failed sign-ins. Try again in 15 minutes.");
        assertThat(browser.cookie("covenant_access")).isEmpty();
    }

    @Test
    void onlyLocalPathsAreHonouredAsTheNextPage() {
        for (String next : new String[]{"https://evil.example/", "//evil.example/x", "/\\evil.example",
                "javascript:alert(1)", "http:/evil.example", " /account/password", "/login"}) {
            PageClient fresh = new PageClient(port);
            Page page = fresh.submit("/login", "/login",
                    Map.of("email", tenant.email("USER"), "password", TestTenants.PASSWORD, "next", next));
            assertThat(page.status()).as(next).isEqualTo(303);
            assertThat(page.location()).as(next).isEqualTo("/");
        }
        Page local = browser.submit("/login", "/login", Map.of("email", tenant.email("USER"),
                "password", TestTenants.PASSWORD, "next", "/account/password?x=1"));
        assertThat(local.location()).endsWith("/account/password?x=1");
    }

    @Test
    void signingOutEndsTheSessionAndTheOldAccessCookieNoLongerWorks() {
        browser.signIn(tenant.email("ADMIN"));
        String access = browser.cookie("covenant_access").orElseThrow();
        Page home = browser.get("/account/password");

        Page out = browser.post("/logout", PageClient.withCsrf(Map.of(), home.csrf()));

        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).endsWith("/login?done=signed-out");
        assertThat(out.setCookies()).anySatisfy(c -> assertThat(c).startsWith("covenant_access=;").contains("Max-Age=0"));
        assertThat(out.setCookies()).anySatisfy(c -> assertThat(c).startsWith("covenant_refresh=;").contains("Max-Age=0"));
        assertThat(browser.cookie("covenant_access")).isEmpty();
        assertThat(browser.get(out.location().substring(out.location().indexOf("/login"))).body())
                .contains("You are signed out.");

        // The revoked token is refused as a cookie and as a bearer token alike.
        browser.setCookie("covenant_access", access);
        Page replay = browser.get("/account/password");
        assertThat(replay.status()).isEqualTo(302);
        assertThat(replay.location()).contains("/login");
        assertThat(SignIn.get(http, "/api/v1/auth/me", access).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aSignOutWithAnExpiredAccessCookieStillEndsTheSession() {
        browser.signIn(tenant.email("USER"));
        String refresh = browser.cookie("covenant_refresh").orElseThrow();
        String csrf = browser.get("/account/password").csrf();
        browser.setCookie("covenant_access", "expired-or-garbage");

        // The form post renews the session first (silent refresh also covers form submissions), then signs out.
        Page done = browser.post("/logout", PageClient.withCsrf(Map.of(), csrf));
        assertThat(done.location()).endsWith("/login?done=signed-out");
        assertThat(browser.cookie("covenant_refresh")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from refresh_tokens where family_id = "
                + "(select family_id from refresh_tokens where selector = ?) and status = 'ACTIVE'", Integer.class,
                refresh.substring(0, refresh.indexOf('.')))).isZero();
    }

    @Test
    void aBrowserWhoseSessionWasEndedElsewhereCanSignInAgain() {
        browser.signIn(tenant.email("SUBCONTRACTOR"));
        PageClient elsewhere = new PageClient(port);
        elsewhere.signIn(tenant.email("SUBCONTRACTOR"));
        Page sessions = elsewhere.get("/account/sessions");
        jdbc.update("update refresh_tokens set status = 'REVOKED' where user_id = ? and status = 'ACTIVE' "
                + "and family_id <> (select family_id from refresh_tokens where selector = ?)",
                tenant.userId("SUBCONTRACTOR"), elsewhere.cookie("covenant_refresh").orElseThrow().split("\\.")[0]);
        assertThat(sessions.status()).isEqualTo(200);

        // The old access cookie is still unexpired but refused; the sign-in page must still open.
        // Fails while the refusal redirects to /login?next=/login with the same cookie, for as long as the
        // access token would have lived (SecurityConfiguration's entry point keeps the refused cookies).
        Page login = browser.get("/login");
        assertThat(login.status()).as("GET /login with a revoked access cookie (Location %s)", login.location())
                .isEqualTo(200);
    }

    @Test
    void aSignInPostedWithoutItsCsrfTokenIsRefused() {
        browser.get("/login");

        Page refused = browser.post("/login", Map.of("email", tenant.email("USER"), "password", TestTenants.PASSWORD));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Error 403").doesNotContain("Exception", "at app.");
        assertThat(browser.cookie("covenant_access")).isEmpty();
    }

    @Test
    void aSignedInFormPostedWithoutItsCsrfTokenIsRefused() {
        browser.signIn(tenant.email("USER"));

        Page change = browser.post("/account/password", Map.of("currentPassword", TestTenants.PASSWORD,
                "newPassword", "Another-Sturdy-Passphrase-7", "confirmPassword", "Another-Sturdy-Passphrase-7"));

        // Fails while the resource server's "bearer requests need no CSRF" rule also exempts requests whose
        // token the resolver read from the session cookie (see SecurityConfiguration).
        assertThat(change.status()).as("a cookie-authenticated POST without a CSRF token (answered %s, Location %s)",
                change.status(), change.location()).isEqualTo(403);
        assertThat(change.body()).doesNotContain("Exception", "at app.");
    }

    @Test
    void aSignedInVisitorOfTheSignInPageGoesOnToTheNextPage() {
        browser.signIn(tenant.email("USER"));

        Page page = browser.get("/login?next=%2Faccount%2Fsessions");

        assertThat(page.status()).isEqualTo(303);
        assertThat(page.location()).endsWith("/account/sessions");
    }

    @Test
    void aLinkToTheSignOutNeverSignsOutByItself() {
        browser.signIn(tenant.email("USER"));

        // Any site can link a signed-in user here (and to GET /logout): only their own click may sign out.
        Page page = browser.get("/login?next=%2Flogout");
        browser.get("/logout");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/logout\"", "Stay signed in").doesNotContain("data-auto-submit");
        assertThat(activeSessions("USER")).isEqualTo(1);
        assertThat(browser.get("/account/sessions").status()).isEqualTo(200);
    }

    @Test
    void anAuthorizationHeaderOfAnotherSchemeNeverFallsBackToTheSessionCookie() {
        browser.signIn(tenant.email("USER"));
        String basic = "Basic dXNlcjpwYXNzd29yZA==";

        // Fails while any Authorization header exempts from CSRF and the resolver then reads the cookie.
        Page out = browser.postWithHeader("/logout", Map.of(), "Authorization", basic);
        Page me = browser.getWithHeader("/api/v1/auth/me", "Authorization", basic);

        assertThat(out.status()).as("cookie-authenticated sign-out without CSRF (Location %s)", out.location())
                .isEqualTo(403);
        assertThat(me.status()).isEqualTo(401);
        assertThat(activeSessions("USER")).isEqualTo(1);
    }

    private int activeSessions(String role) {
        return jdbc.queryForObject("select count(distinct family_id) from refresh_tokens where user_id = ? "
                + "and status = 'ACTIVE'", Integer.class, tenant.userId(role));
    }
}

package app.covenant;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.documents.DocumentFixtures;
import app.covenant.documents.DocumentUploads;
import app.covenant.notifications.Notice;
import app.covenant.notifications.Notifier;
import app.covenant.support.BrowserSession;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.Viewport;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every page on a phone (390 × 844) and a tablet (820 × 1180 and 1024 × 768), in one headless Chromium: no
 * page is wider than the screen, error pages keep the navigation, and the console stays free of errors.
 *
 * <p>The pages are found, not listed: the navigation links, the account menu and the bell of a super
 * administrator and of a manager, then the detail pages those pages link to (a few per page). A new
 * module's pages are checked as soon as they are in the navigation. Lists hold real rows, long values
 * included (a long e-mail address, a long document name, an e-mail body with a long link). Screenshots:
 * {@code target/screenshots/phone-*.png}, {@code tablet-*.png} and {@code tablet-landscape-*.png}.
 */
@IntegrationTest
// The same properties as the authorization matrix and the page tests, so all share one application context.
@TestPropertySource(properties = {
        "covenant.ratelimit.per-minute=100000", "covenant.ratelimit.auth-per-minute=100000",
        "covenant.ratelimit.requests-per-minute=100000", "covenant.ratelimit.auth-requests-per-minute=100000"})
class PhoneLayoutBrowserTest {

    private static final Pattern ID_SEGMENT = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\d+");
    /** Detail pages followed from one page: enough to reach each kind, few enough to stay fast. */
    private static final int LINKS_PER_PAGE = 4;
    private static final int FORBIDDEN_PAGES = 3;
    private static final String LONG_ADDRESS =
            "maximiliana.constantinopoulou-hargreaves@scaffolding-and-hoisting-subcontractors.example";
    private static final Pattern INVITATION_LINK = Pattern.compile("/accept-invite\\?token=[A-Za-z0-9_-]+");
    private static final String LINKS = """
            return Array.from(document.querySelectorAll(arguments[0]))
              .filter(a => a.origin === location.origin && !a.hasAttribute('download') && a.target !== '_blank')
              .map(a => a.pathname + a.search);
            """;

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.leavingTheConsoleToTheTest();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Notifier notifier;
    @Autowired
    TransactionTemplate transactions;

    private final List<String> problems = new ArrayList<>();
    private final Set<String> shots = new LinkedHashSet<>();
    /** The page being checked, as problems name it; {@code null} when it is not one of this layout. */
    private String page;

    @BeforeAll
    static void phoneScreen() {
        Viewport.PHONE.apply(browser.driver());
    }

    @Test
    void everyPageFitsAPhoneAndATablet() throws IOException {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        createRows(tenant);

        browser.manage().deleteAllCookies();
        for (String path : List.of("/login", "/forgot-password", "/reset-password?token=no-such-token",
                "/accept-invite?token=no-such-token", "/verify-email?token=no-such-token")) {
            check("signed-out", path, false);
        }
        check("signed-out-invited", invitationLink(), false);

        browser.signIn(tenant.email("SUPER_ADMIN"));
        menusFit();
        Map<String, String> adminPages = visitAll("admin");
        check("admin", "/login?next=/logout", false);
        check("admin", "/no-such-page", true);
        assertThat(browser.getTitle()).isEqualTo("Not Found · Covenant");

        browser.manage().deleteAllCookies();
        browser.signIn(tenant.email("MANAGER"));
        Map<String, String> managerPages = visitAll("manager");
        // Administrators' pages a manager may not open: the error page, inside the usual layout. It is one
        // template: a few are enough.
        int forbidden = 0;
        for (Map.Entry<String, String> adminPage : adminPages.entrySet()) {
            if (forbidden < FORBIDDEN_PAGES && !managerPages.containsKey(adminPage.getKey())
                    && !adminPage.getValue().startsWith("/api/")) {
                check("manager", adminPage.getValue(), null);
                forbidden += browser.getTitle().startsWith("Forbidden") ? 1 : 0;
            }
        }

        assertThat(adminPages).as("pages found for the super administrator").hasSizeGreaterThan(15);
        assertThat(forbidden).as("administrators' pages refused to a manager with 403").isPositive();
        assertThat(problems).as("pages that do not fit or misbehave; screenshots in " + BrowserSession.SCREENSHOTS.toAbsolutePath())
                .isEmpty();
    }

    /**
     * The navigation, account menu and bell links, then up to {@link #LINKS_PER_PAGE} new kinds of page
     * linked from each. Kinds: the path with ids as {@code *}. Returns path by kind.
     */
    private Map<String, String> visitAll(String who) throws IOException {
        browser.open("/");
        Set<String> start = new LinkedHashSet<>(links("#sidenav a.nav-link"));
        start.addAll(links(".user-menu-links a"));
        start.addAll(links("#notification-bell a"));
        Map<String, String> visited = new LinkedHashMap<>();
        List<String> details = new ArrayList<>();
        for (String path : start) {
            if (visited.putIfAbsent(kind(path), path) != null || !check(who, path, false)) {
                continue;
            }
            int added = 0;
            for (String link : links("main a[href]")) {
                if (added < LINKS_PER_PAGE && followable(link) && !visited.containsKey(kind(link))
                        && details.stream().noneMatch(detail -> kind(detail).equals(kind(link)))) {
                    details.add(link);
                    added++;
                }
            }
        }
        for (String path : details) {
            if (visited.putIfAbsent(kind(path), path) == null) {
                check(who, path, false);
            }
        }
        return visited;
    }

    /**
     * Opens {@code path} and notes what is wrong with it: whether it is an error page must match
     * {@code errorExpected} ({@code null}: either). Returns whether it is an HTML page, not an error page.
     */
    private boolean check(String who, String path, Boolean errorExpected) throws IOException {
        consoleOfThePreviousPage();
        browser.open(path);
        awaitHtmx();
        page = who + " " + path;
        // JSON (health) and the API explorer are not pages of this layout: not checked here.
        if (browser.findElements(By.cssSelector("link[rel=stylesheet][href$='/css/covenant.css']")).isEmpty()) {
            page = null;
            return false;
        }
        boolean errorPage = !browser.findElements(By.cssSelector(".error-page")).isEmpty();
        if (errorExpected != null && errorPage != errorExpected) {
            problems.add(page + ": " + (errorPage ? "unexpected error page \"" + browser.getTitle() + "\"" : "no error page"));
        }
        if (errorPage && !who.startsWith("signed-out")
                && browser.findElements(By.cssSelector("#sidenav .nav-link")).isEmpty()) {
            problems.add(page + ": the error page has lost the navigation");
        }
        String name = who + "-" + slug(path);
        fits(page, Viewport.PHONE, name);
        try {
            for (Viewport tablet : List.of(Viewport.TABLET, Viewport.TABLET_LANDSCAPE)) {
                tablet.apply(browser.driver());
                fits(page, tablet, name);
            }
        } finally {
            Viewport.PHONE.apply(browser.driver());
        }
        // An error page's own status is logged as a failed load; nothing else may be.
        String current = browser.getCurrentUrl();
        browser.consoleErrors().stream().filter(message -> !(errorPage && message.contains(current)))
                .filter(PhoneLayoutBrowserTest::notTheIconOfAJsonPage)
                .forEach(message -> problems.add(page + ": console error " + message));
        return !errorPage;
    }

    /** Some errors are logged after a page was checked (scripts run late): they count for that page. */
    private void consoleOfThePreviousPage() {
        List<String> late = browser.consoleErrors();
        if (page != null) {
            late.stream().filter(PhoneLayoutBrowserTest::notTheIconOfAJsonPage)
                    .forEach(message -> problems.add(page + ": console error " + message));
        }
    }

    /**
     * Chromium asks for {@code /favicon.ico} when it shows a document that names no icon (the JSON of
     * {@code /health}), sometimes once the next page is loading; the pages of the layout name theirs.
     */
    private static boolean notTheIconOfAJsonPage(String message) {
        return !message.contains("/favicon.ico ");
    }

    private void fits(String page, Viewport screen, String name) throws IOException {
        Viewport.Fit fit = screen.fit(browser.driver());
        if (!fit.fits()) {
            problems.add(page + ": " + fit.scrollWidth() + " px wide in a " + fit.innerWidth() + " px window on a "
                    + screen.width() + " px " + screen.name() + "; sticking out: " + String.join("; ", fit.offenders()));
        }
        String file = screen.name() + "-" + name + ".png";
        if (shots.add(file)) {
            screen.screenshot(browser.driver(), BrowserSession.SCREENSHOTS.resolve(file));
        }
    }

    /** The opened menus must fit too: the navigation behind its toggle and the account menu. */
    private void menusFit() throws IOException {
        browser.open("/");
        awaitHtmx();
        browser.findElement(By.cssSelector(".nav-toggle")).click();
        browser.waitUntil(Duration.ofSeconds(5), ExpectedConditions.visibilityOfElementLocated(By.id("sidenav")));
        fits("admin navigation menu", Viewport.PHONE, "admin-menu");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.findElement(By.cssSelector(".user-menu-button")).click();
        fits("admin account menu", Viewport.PHONE, "admin-account-menu");
        assertThat(browser.consoleErrors()).as("console errors with the menus open").isEmpty();
    }

    /** Rows in every list, with the long values that break layouts: addresses, file names, links, errors. */
    private void createRows(TestTenants.Tenant tenant) {
        String token = SignIn.accessToken(http, tenant.email("SUPER_ADMIN"));
        expectCreated(SignIn.post(http, "/api/v1/users/invite", Map.of("email", LONG_ADDRESS,
                "name", "Maximiliana Constantinopoulou-Hargreaves", "roleCode", "SUBCONTRACTOR"), token).getStatusCode().value(),
                "invitation");
        expectCreated(SignIn.post(http, "/api/v1/roles", Map.of("code", "SITE_SAFETY_" + tenant.code(),
                "name", "Site safety coordinator for scaffolding and hoisting",
                "description", "Reads users and documents on the sites they coordinate.",
                "permissions", List.of("user:read", "document:read")), token).getStatusCode().value(), "role");
        for (String name : List.of("Certificate-of-insurance_ACME-Scaffolding-and-Hoisting_2026-2027_final_signed.pdf",
                "Hold harmless.pdf")) {
            expectCreated(DocumentUploads.upload(http, "/api/v1/documents", token, name, DocumentFixtures.pdf())
                    .getStatusCode().value(), "document");
        }
        for (String role : List.of("SUPER_ADMIN", "MANAGER")) {
            for (String title : List.of("Maximiliana Constantinopoulou-Hargreaves accepted your invitation",
                    "An e-mail to " + LONG_ADDRESS + " could not be delivered")) {
                transactions.executeWithoutResult(status -> notifier.notify(List.of(tenant.userId(role)),
                        Notice.of(tenant.organizationId(), "identity.invitation-accepted", title,
                                "Details of: " + title, "/notifications")));
            }
        }
        // A second organization with a long name: the top bar offers the organization switcher.
        TestTenants.Tenant other = TestTenants.create(jdbc);
        jdbc.update("update organizations set name = ? where id = ?",
                "Constantinopoulou Scaffolding & Hoisting Subcontractors Ltd.", other.organizationId());
        jdbc.update("insert into memberships (id, user_id, organization_id, role_id, created_at) values (?, ?, ?, "
                        + "(select id from roles where scope_key = 'system' and code = 'MANAGER'), ?)",
                UUID.randomUUID(), tenant.userId("SUPER_ADMIN"), other.organizationId(), Timestamp.from(Instant.now()));
        String job = jdbc.queryForObject("select min(task_name) from scheduled_tasks", String.class);
        Timestamp started = Timestamp.from(Instant.now().minusSeconds(60));
        jdbc.update("insert into job_runs (job_name, instance_id, node, scheduled_for, started_at, finished_at, "
                        + "duration_ms, outcome, error_summary, counts) values (?, 'recurring', ?, ?, ?, ?, 1234, 'FAILED', ?, ?)",
                job, "covenant-node-7f9c2d1e4b5a.internal.eu-central-1.compute.example", started, started,
                Timestamp.from(Instant.now()), "org.springframework.dao.DataAccessResourceFailureException: "
                        + "Unable to acquire JDBC Connection [HikariPool-1 - Connection is not available]",
                "{\"sent\": 12, \"failed\": 3, \"skipped\": 0}");
    }

    /** The accept page of the invitation made in {@link #createRows}, as its e-mail links to it. */
    private String invitationLink() {
        String body = jdbc.queryForObject("select body_text from email_outbox where to_address = ? and template = 'invitation'",
                String.class, LONG_ADDRESS);
        Matcher link = INVITATION_LINK.matcher(body);
        assertThat(link.find()).as("the invitation e-mail links to its accept page").isTrue();
        return link.group();
    }

    private static void expectCreated(int status, String what) {
        assertThat(status).as("creating a " + what).isEqualTo(201);
    }

    private static void awaitHtmx() {
        browser.waitUntil(Duration.ofSeconds(5), driver ->
                Boolean.TRUE.equals(browser.executeScript("return document.querySelector('.htmx-request') === null")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> links(String selector) {
        return (List<String>) browser.executeScript(LINKS, selector);
    }

    /** Pages to follow: this application's, not its JSON API or downloads, not signing out. */
    private static boolean followable(String link) {
        return !link.startsWith("/api/v1/") && !link.startsWith("/logout") && !link.startsWith("/health");
    }

    private static String kind(String path) {
        int query = path.indexOf('?');
        return ID_SEGMENT.matcher(query < 0 ? path : path.substring(0, query)).replaceAll("*");
    }

    private static String slug(String path) {
        String slug = kind(path).replace("*", "id").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "home" : slug;
    }
}

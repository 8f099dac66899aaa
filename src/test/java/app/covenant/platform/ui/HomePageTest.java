package app.covenant.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class HomePageTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void visitorsGetAShortWelcomeAndTheSignInButtonOnly() {
        ResponseEntity<String> response = page("/", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        // The page is built for this policy; the browser test proves nothing breaks under it.
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'", "style-src 'self'");
        String html = response.getBody();
        assertThat(html)
                .contains("<html lang=\"en\"")
                .contains("<title>Home · Covenant</title>")
                .contains("Welcome to Covenant")
                .contains("href=\"#main\"")
                .contains("{\"includeIndicatorStyles\":false");
        assertThat(html).as("the sign-in button").containsPattern("<a[^>]*href=\"/login\"[^>]*data-sign-in");
        assertThat(html).as("no node panel, no developer links, no cards for visitors")
                .doesNotContain("id=\"node-status\"", "hx-get", "href=\"/api/docs", "href=\"/health\"",
                        ">Developers<", "data-home-card", "Nothing needs you");
    }

    @Test
    void navigationShowsOnlyAreasWithPagesAndMarksTheCurrentOne() {
        String html = page("/", null).getBody();

        assertThat(html).contains(">Overview<")
                .doesNotContain(">Developers<", ">Insurance<", ">Contracts<", ">Administration<");
        Matcher current = Pattern.compile("<a\\b[^>]*aria-current=\"page\"[^>]*>").matcher(html);
        assertThat(current.find()).as("a link marked as the current page").isTrue();
        assertThat(current.group()).contains("href=\"/\"", "is-current");
        assertThat(current.find()).as("only one current link").isFalse();
    }

    @Test
    void cardsCountTheOwnOrganizationsRowsOnlyMostUrgentFirst() {
        TestTenants.Tenant home = TestTenants.create(jdbc);
        TestTenants.Tenant other = TestTenants.create(jdbc);
        UUID admin = home.userId("ADMIN");
        work(home, admin, 2, 1, 3, 3);
        // More of everything next door, also for the same person were they a member there: none of it counts.
        work(other, other.userId("ADMIN"), 5, 4, 6, 7);
        notification(other.organizationId(), admin, null);
        notification(other.organizationId(), home.userId("SUPER_ADMIN"), null);

        String html = page("/", token(home, "ADMIN")).getBody();

        assertThat(html).contains("<title>Home · Covenant</title>");
        assertThat(html).as("greeting").containsPattern("data-greeting[^>]*>Hello, <span>Test ADMIN</span>")
                .contains("data-organization>Tenant " + home.code() + "<");
        assertThat(cards(html)).containsExactly(
                "/admin/outbox?status=FAILED=1",
                "/notifications?unread=true=3",
                "/admin/users?status=PENDING=2",
                "/documents=3");
        assertThat(html).contains("Undelivered e-mail", "Action needed", "Unread notifications",
                        "Invitations awaiting acceptance", "Recent documents")
                .doesNotContain("id=\"node-status\"", "Nothing needs you");

        // A platform operator sees every organization's outbox, but their home counts their own organization.
        assertThat(cards(page("/", token(home, "SUPER_ADMIN")).getBody()))
                .contains("/admin/outbox?status=FAILED=1", "/admin/users?status=PENDING=2", "/documents=3")
                .noneMatch(card -> card.startsWith("/notifications"));
    }

    @Test
    void aCardIsShownOnlyToHoldersOfItsPermission() {
        TestTenants.Tenant home = TestTenants.create(jdbc);
        work(home, home.userId("ADMIN"), 2, 1, 0, 1);
        notification(home.organizationId(), home.userId("MANAGER"), null);

        // A compliance manager reads users and documents but neither invites nor reads the outbox.
        assertThat(cards(page("/", token(home, "MANAGER")).getBody()))
                .containsExactly("/notifications?unread=true=1", "/documents=1");
        // A broker reads documents and notifications, nothing of administration.
        assertThat(cards(page("/", token(home, "BROKER")).getBody())).containsExactly("/documents=1");
    }

    @Test
    void withNothingWaitingTheEmptyStateSaysSoAndShowsWhereToGo() {
        TestTenants.Tenant quiet = TestTenants.create(jdbc);

        String html = page("/", token(quiet, "USER")).getBody();

        assertThat(cards(html)).isEmpty();
        assertThat(html).contains("Nothing needs you right now", "Where to go")
                .contains("href=\"/documents\"", "href=\"/notifications\"")
                .doesNotContain("href=\"/admin/", "id=\"node-status\"");
    }

    @Test
    void unknownPageIsAFriendlyNotFoundWithTheCorrelationId() {
        // Only signed-in people get as far as "not found"; visitors are sent to sign in first.
        HttpHeaders anonymous = new HttpHeaders();
        anonymous.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> redirected = http.withRedirects(HttpRedirects.DONT_FOLLOW)
                .exchange("/no-such-page", HttpMethod.GET, new HttpEntity<>(anonymous), String.class);
        assertThat(redirected.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(redirected.getHeaders().getLocation().toString()).endsWith("/login?next=%2Fno-such-page");

        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        headers.setBearerAuth(SignIn.accessToken(http, TestTenants.create(jdbc).email("USER")));
        headers.set("X-Correlation-ID", "ui-test-404");
        ResponseEntity<String> response = http.exchange("/no-such-page", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(response.getBody())
                .contains("Not Found", "There is nothing at this address.")
                .contains("ui-test-404")
                .contains("href=\"/\"")
                .doesNotContain("Exception", "at org.", "at app.", "trace", "Whitelabel");
    }

    @Test
    void assetsTheLayoutLoadsAreServed() {
        for (String asset : List.of("/css/covenant.css", "/js/covenant.js", "/img/logo.svg", "/favicon.svg",
                "/webjars/htmx.org/dist/htmx.min.js")) {
            ResponseEntity<String> response = http.getForEntity(asset, String.class);
            assertThat(response.getStatusCode()).as(asset).isEqualTo(HttpStatus.OK);
        }
        // The layout asks for the versionless path; Spring writes the webjar's version into the page.
        Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/[^\"]*dist/htmx\\.min\\.js)\"")
                .matcher(page("/", null).getBody());
        assertThat(htmx.find()).as("htmx script in the layout").isTrue();
        assertThat(http.getForEntity(htmx.group(1), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void templatesCarryNoInlineScriptOrStyle() throws IOException {
        // The CSP forbids inline code and styles; the browser would silently drop them.
        Pattern inlineScript = Pattern.compile("<script\\b(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern styleElement = Pattern.compile("<style", Pattern.CASE_INSENSITIVE);
        Pattern styleAttribute = Pattern.compile("\\s(th:)?style=", Pattern.CASE_INSENSITIVE);
        Pattern eventHandler = Pattern.compile("\\s(th:)?on[a-z]+=\\s*[\"']", Pattern.CASE_INSENSITIVE);
        Pattern evaluated = Pattern.compile("hx-on|javascript:", Pattern.CASE_INSENSITIVE);
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            // E-mails and PDF sources are not pages: mail clients need inline styles and never see our CSP, and
            // templates under pdf/ are rendered to PDF on the server (documents.pdf.PdfRenderer), never served.
            templates = files.filter(path -> path.toString().endsWith(".html"))
                    .filter(path -> !TEMPLATES.relativize(path).startsWith("email"))
                    .filter(path -> !TEMPLATES.relativize(path).startsWith("pdf")).toList();
        }
        assertThat(templates).as("templates under " + TEMPLATES.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(4);
        List<String> problems = new ArrayList<>();
        for (Path file : templates) {
            String text = Files.readString(file);
            for (Pattern pattern : List.of(inlineScript, styleElement, styleAttribute, eventHandler, evaluated)) {
                Matcher matcher = pattern.matcher(text);
                while (matcher.find()) {
                    problems.add(TEMPLATES.relativize(file) + ": " + matcher.group().strip());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private ResponseEntity<String> page(String path, String accessToken) {
        HttpHeaders headers = new HttpHeaders();
        if (accessToken != null) {
            headers.setBearerAuth(accessToken);
        }
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private String token(TestTenants.Tenant tenant, String role) {
        return SignIn.accessToken(http, tenant.email(role));
    }

    /** The cards of a home page in their order, as "link=count". */
    private static List<String> cards(String html) {
        Matcher card = Pattern.compile("data-home-card=\"([^\"]+)\"[\\s\\S]*?data-count>(\\d+)<").matcher(html);
        List<String> cards = new ArrayList<>();
        while (card.find()) {
            cards.add(card.group(1).replace("&amp;", "&") + "=" + card.group(2));
        }
        return cards;
    }

    /**
     * What waits in {@code tenant}: invitations nobody accepted, e-mail the outbox gave up (beside a sent
     * one), unread notifications of {@code reader} (beside a read one), and library documents uploaded
     * lately — beside an old one, a deleted one and another module's, which the card leaves out.
     */
    private void work(TestTenants.Tenant tenant, UUID reader, int invitations, int undelivered, int unread,
                      int recentDocuments) {
        UUID role = jdbc.queryForObject("select id from roles where scope_key = 'system' and code = 'USER'", UUID.class);
        for (int i = 0; i < invitations; i++) {
            UUID user = UUID.randomUUID();
            String email = "invited-" + user + "@example.com";
            jdbc.update("insert into users (id, email, email_normalized, name, status, email_verified, "
                    + "must_change_password, created_at, updated_at) values (?, ?, ?, ?, 'INVITED', false, false, ?, ?)",
                    user, email, email, "Invited " + i, now(), now());
            jdbc.update("insert into memberships (id, user_id, organization_id, role_id, created_at, status) "
                    + "values (?, ?, ?, ?, ?, 'PENDING')", UUID.randomUUID(), user, tenant.organizationId(), role, now());
        }
        for (int i = 0; i <= undelivered; i++) {
            jdbc.update("insert into email_outbox (id, organization_id, to_address, subject, body_text, body_html, "
                    + "template, status, attempts, next_attempt_at, created_at) values (?, ?, ?, 'Hello', 'x', '<p>x</p>', "
                    + "'notification', ?, 5, ?, ?)", UUID.randomUUID(), tenant.organizationId(), "to@example.com",
                    i == 0 ? "SENT" : "FAILED", now(), now());
        }
        for (int i = 0; i <= unread; i++) {
            notification(tenant.organizationId(), reader, i == 0 ? now() : null);
        }
        for (int i = 0; i < recentDocuments; i++) {
            document(tenant, "documents", tenant.organizationId(), Instant.now().minus(Duration.ofDays(6)), null);
        }
        document(tenant, "documents", tenant.organizationId(), Instant.now().minus(Duration.ofDays(8)), null);
        document(tenant, "documents", tenant.organizationId(), Instant.now(), now());
        document(tenant, "insurance", UUID.randomUUID(), Instant.now(), null);
    }

    private void notification(UUID organizationId, UUID user, Timestamp readAt) {
        jdbc.update("insert into notifications (id, user_id, organization_id, type, title, message, created_at, read_at) "
                + "values (?, ?, ?, 'identity.invitation-accepted', 'Hello', 'There', ?, ?)", UUID.randomUUID(), user,
                organizationId, now(), readAt);
    }

    private void document(TestTenants.Tenant tenant, String ownerModule, UUID ownerRecord, Instant uploadedAt,
                          Timestamp deletedAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into documents (id, chain_id, version, latest, organization_id, owner_module, owner_record_id, "
                + "original_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at, deleted_at) "
                + "values (?, ?, 1, true, ?, ?, ?, 'a.pdf', 'application/pdf', 10, ?, ?, ?, ?, ?)", id, id,
                tenant.organizationId(), ownerModule, ownerRecord, "0".repeat(64), "home-test/" + id,
                tenant.userId("ADMIN"), Timestamp.from(uploadedAt), deletedAt);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}

package app.covenant.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void homePageDescribesBothJobsAndShowsThisNode() {
        ResponseEntity<String> response = page("/");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        // The page is built for this policy; the browser test proves nothing breaks under it.
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'", "style-src 'self'");
        String html = response.getBody();
        assertThat(html)
                .contains("<html lang=\"en\"")
                .contains("<title>Home · Covenant</title>")
                .contains("Insurance compliance", "Contract lifecycle")
                .contains("href=\"#main\"")
                .contains("{\"includeIndicatorStyles\":false");
        assertThat(nodePanelOf(html))
                .as("a visitor learns that the database is up, not which one").doesNotContain("PostgreSQL", ">Version<")
                .contains("data-status=\"UP\"")
                .contains("data-redis=\"connected\"")
                .containsIgnoringCase(">Connected<")
                .contains("hx-get=\"/ui/node-status\"", "hx-trigger=\"every 10s\"");
        assertThat(html).contains("href=\"/api/docs\"", "href=\"/api/docs.json\"", "href=\"/health\"");
    }

    @Test
    void navigationShowsOnlyAreasWithPagesAndMarksTheCurrentOne() {
        String html = page("/").getBody();

        assertThat(html).contains(">Overview<", ">Developers<")
                .doesNotContain(">Insurance<", ">Contracts<", ">Administration<");
        Matcher current = Pattern.compile("<a\\b[^>]*aria-current=\"page\"[^>]*>").matcher(html);
        assertThat(current.find()).as("a link marked as the current page").isTrue();
        assertThat(current.group()).contains("href=\"/\"", "is-current");
        assertThat(current.find()).as("only one current link").isFalse();
    }

    @Test
    void nodeStatusEndpointAnswersOnlyThePanel() {
        ResponseEntity<String> response = page("/ui/node-status");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String html = response.getBody().strip();
        assertThat(html).startsWith("<section").contains("id=\"node-status\"")
                .contains("data-status=\"UP\"").contains("data-redis=\"connected\"")
                .doesNotContain("<html", "<nav", "class=\"topbar\"");
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
                .matcher(page("/").getBody());
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
            // E-mails are not pages: mail clients need inline styles and never see our CSP.
            templates = files.filter(path -> path.toString().endsWith(".html"))
                    .filter(path -> !TEMPLATES.relativize(path).startsWith("email")).toList();
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

    private ResponseEntity<String> page(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static String nodePanelOf(String html) {
        int start = html.indexOf("id=\"node-status\"");
        assertThat(start).as("node panel").isPositive();
        return html.substring(start, html.indexOf("</section>", start));
    }
}

package app.covenant.platform.status;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/** The administrators' System page: the node panel and the developer links, for holders of system:read only. */
@IntegrationTest
class SystemPageTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void administratorsSeeThisNodeAndTheDeveloperLinks() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);

        ResponseEntity<String> response = page("/admin/system", token(tenant, "ADMIN"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String html = response.getBody();
        assertThat(html).contains("<title>System · Covenant</title>");
        assertThat(nodePanelOf(html))
                .as("a tenant's administrator learns that the database is up, not which one")
                .doesNotContain("PostgreSQL", ">Version<")
                .contains("data-status=\"UP\"", "data-redis=\"connected\"")
                .containsIgnoringCase(">Connected<")
                .contains("hx-get=\"/admin/system/node-status\"", "hx-trigger=\"every 10s\"", "data-background-poll");
        assertThat(html).contains("href=\"/api/docs\"", "href=\"/api/docs.json\"", "href=\"/health\"",
                "href=\"/api/v1/system/status\"");
        Matcher current = Pattern.compile("<a\\b[^>]*aria-current=\"page\"[^>]*>").matcher(html);
        assertThat(current.find()).isTrue();
        assertThat(current.group()).contains("href=\"/admin/system\"");
        assertThat(html).as("one way to the developer links: this page").doesNotContain(">Developers<");
    }

    @Test
    void theNodePanelAloneIsWhatTheRefreshFetches() {
        ResponseEntity<String> response = page("/admin/system/node-status",
                token(TestTenants.create(jdbc), "ADMIN"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String html = response.getBody().strip();
        assertThat(html).startsWith("<section").contains("id=\"node-status\"")
                .contains("data-status=\"UP\"").contains("data-redis=\"connected\"")
                .doesNotContain("<html", "<nav", "class=\"topbar\"");
    }

    @Test
    void businessUsersAreRefusedAndDoNotSeeTheLink() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        String manager = token(tenant, "MANAGER");

        assertThat(page("/admin/system", manager).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(page("/admin/system/node-status", manager).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(page("/", manager).getBody()).doesNotContain("href=\"/admin/system\"", "href=\"/api/docs",
                "href=\"/health\"", ">Developers<");
        assertThat(page("/", token(tenant, "ADMIN")).getBody()).contains("href=\"/admin/system\"");
    }

    @Test
    void visitorsAreSentToSignIn() {
        for (String path : List.of("/admin/system", "/admin/system/node-status")) {
            HttpHeaders headers = new HttpHeaders();
            headers.setAccept(List.of(MediaType.TEXT_HTML));
            ResponseEntity<String> response = http.withRedirects(HttpRedirects.DONT_FOLLOW)
                    .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.FOUND);
            assertThat(response.getHeaders().getLocation().toString()).as(path).contains("/login?next=");
        }
    }

    @Test
    void onlyAdministratorsHoldSystemReadByDefault() {
        assertThat(jdbc.queryForList("select r.code from role_permissions rp join roles r on r.id = rp.role_id "
                + "where rp.permission_code = 'system:read' and r.scope_key = 'system' order by r.code", String.class))
                .containsExactly("ADMIN", "SUPER_ADMIN");
    }

    private String token(TestTenants.Tenant tenant, String role) {
        return SignIn.accessToken(http, tenant.email(role));
    }

    private ResponseEntity<String> page(String path, String accessToken) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(accessToken);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static String nodePanelOf(String html) {
        int start = html.indexOf("id=\"node-status\"");
        assertThat(start).as("node panel").isPositive();
        return html.substring(start, html.indexOf("</section>", start));
    }
}

package app.covenant.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Error pages are shown inside the usual layout, navigation included: a refusal by a page's permission
 * check (an exception handler's view, which controller advice never adds model attributes to) as well
 * as an unknown address (the error dispatch).
 */
@IntegrationTest
class ErrorPageLayoutTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void forbiddenAndNotFoundPagesKeepTheNavigation() {
        String token = SignIn.accessToken(http, TestTenants.create(jdbc).email("USER"));

        ResponseEntity<String> forbidden = page("/admin/users", token);
        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
        assertThat(forbidden.getBody()).contains("Error 403", "id=\"sidenav\"", "class=\"nav-link\"", ">Home<")
                .doesNotContain("href=\"/admin/users\"");

        ResponseEntity<String> notFound = page("/no-such-page", token);
        assertThat(notFound.getStatusCode().value()).isEqualTo(404);
        assertThat(notFound.getBody()).contains("Error 404", "id=\"sidenav\"", "class=\"nav-link\"", ">Home<");
    }

    @Test
    void theErrorAddressAskedForDirectlyIsNotFoundNotAServerError() {
        ResponseEntity<String> page = page("/error", SignIn.accessToken(http, TestTenants.create(jdbc).email("USER")));
        assertThat(page.getStatusCode().value()).isEqualTo(404);
        assertThat(page.getBody()).contains("Error 404", "There is nothing at this address.");

        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PROBLEM_JSON));
        ResponseEntity<String> problem = http.exchange("/error", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(problem.getStatusCode().value()).isEqualTo(404);
        assertThat(problem.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(problem.getBody()).contains("\"status\":404");
    }

    private ResponseEntity<String> page(String path, String accessToken) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        headers.add(HttpHeaders.COOKIE, "covenant_access=" + accessToken);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}

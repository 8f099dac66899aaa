package app.covenant.documents;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The document library's {@code name} filter matches {@code %} and {@code _} literally. */
@IntegrationTest
class DocumentNameSearchTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void percentAndUnderscoreAreLiteral() {
        String token = SignIn.accessToken(http, TestTenants.create(jdbc).email("USER"));
        for (String name : List.of("budget_2026.pdf", "budgetX2026.pdf", "growth 100%.pdf", "growth 1000.pdf")) {
            assertThat(DocumentUploads.upload(http, "/api/v1/documents", token, name, DocumentFixtures.pdf())
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }

        assertThat(names(token, "budget_")).containsExactly("budget_2026.pdf");
        assertThat(names(token, "100%")).containsExactly("growth 100%.pdf");
        assertThat(names(token, "%")).containsExactly("growth 100%.pdf");
    }

    private List<String> names(String token, String name) {
        JsonNode page = SignIn.get(http, "/api/v1/documents?name=" + name, token).getBody();
        return page.get("content").valueStream().map(document -> document.get("name").asString()).toList();
    }
}

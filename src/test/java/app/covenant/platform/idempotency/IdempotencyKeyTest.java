package app.covenant.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** SECURITY.md: "Idempotency-Key on POST makes retries safe (same response for the same user + key + body)". */
@IntegrationTest
class IdempotencyKeyTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    TestTenants.Tenant tenant;
    String admin;

    @BeforeEach
    void signIn() {
        tenant = TestTenants.create(jdbc);
        admin = SignIn.accessToken(http, tenant.email("ADMIN"));
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndChangesNothingMore() {
        Map<String, Object> invitation = Map.of("email", "retry-" + tenant.code().toLowerCase() + "@example.test",
                "name", "Rita Retry", "roleCode", "USER");

        ResponseEntity<JsonNode> first = invite(invitation, "invite-rita-1");
        ResponseEntity<JsonNode> retry = invite(invitation, "invite-rita-1");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.queryForObject("select count(*) from email_outbox where to_address = ?", Integer.class,
                invitation.get("email"))).isEqualTo(1);
        assertThat(invite(invitation, null).getStatusCode()).as("without a key the retry is a new request")
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        invite(Map.of("email", "one-" + tenant.code().toLowerCase() + "@example.test", "roleCode", "USER"), "k-2");

        ResponseEntity<JsonNode> other = invite(Map.of("email", "two-" + tenant.code().toLowerCase() + "@example.test",
                "roleCode", "USER"), "k-2");

        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(other.getBody().get("detail").asString()).contains("different request");
    }

    @Test
    void keysBelongToTheirUser() {
        Map<String, Object> body = Map.of("email", "shared-" + tenant.code().toLowerCase() + "@example.test",
                "roleCode", "USER");
        assertThat(invite(body, "same-key").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        String otherAdmin = SignIn.accessToken(http, TestTenants.create(jdbc).email("ADMIN"));
        HttpHeaders headers = SignIn.bearer(otherAdmin);
        headers.set("Idempotency-Key", "same-key");
        ResponseEntity<JsonNode> theirs = http.exchange("/api/v1/users/invite", HttpMethod.POST,
                new HttpEntity<>(body, headers), JsonNode.class);

        assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(theirs.getHeaders().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void answersThatCarryTokensAreNeverKept() {
        for (String path : new String[]{"/api/v1/auth/switch-org", "/api/auth/switch-org"}) {
            String key = "switch-" + path.length();
            HttpHeaders headers = SignIn.bearer(admin);
            headers.set("Idempotency-Key", key);
            ResponseEntity<JsonNode> switched = http.exchange(path, HttpMethod.POST,
                    new HttpEntity<>(Map.of("organizationId", tenant.organizationId()), headers), JsonNode.class);

            assertThat(switched.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(switched.getBody().get("refreshToken").asString()).isNotBlank();
            assertThat(switched.getHeaders().getFirst("Idempotent-Replayed")).isNull();
            assertThat(jdbc.queryForObject("select count(*) from idempotency_keys where user_id = ? "
                    + "and idempotency_key = ?", Integer.class, tenant.userId("ADMIN"), key)).as(path).isZero();
            admin = switched.getBody().get("accessToken").asString();
        }
    }

    @Test
    void aMalformedKeyIsA400() {
        assertThat(invite(Map.of("email", "x@example.test", "roleCode", "USER"), "with space").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private ResponseEntity<JsonNode> invite(Map<String, Object> body, String key) {
        HttpHeaders headers = SignIn.bearer(admin);
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return http.exchange("/api/v1/users/invite", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }
}

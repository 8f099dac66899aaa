package app.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SignInTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    TestTenants.Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = TestTenants.create(jdbc);
    }

    @Test
    void signInAnswersTheDocumentedTokenPairAndMe() {
        JsonNode tokens = SignIn.tokens(http, tenant.email("ADMIN"), TestTenants.PASSWORD);

        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isBetween(800L, 900L);
        assertThat(tokens.get("refreshToken").asString()).contains(".");
        assertThat(tokens.get("user").get("organizationId").asString()).isEqualTo(tenant.organizationId().toString());
        assertThat(tokens.get("user").get("roles").get(0).asString()).isEqualTo("ADMIN");

        ResponseEntity<JsonNode> me = SignIn.get(http, "/api/v1/auth/me", tokens.get("accessToken").asString());
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody().get("user").get("email").asString()).isEqualTo(tenant.email("ADMIN"));
        assertThat(me.getBody().get("organization").get("code").asString()).isEqualTo(tenant.code());
        assertThat(me.getBody().get("permissions").toString()).contains("user:invite");
    }

    @Test
    void wrongPasswordAndUnknownEmailLookTheSame() {
        ResponseEntity<JsonNode> wrong = http.postForEntity("/api/v1/auth/login",
                SignIn.json(Map.of("email", tenant.email("USER"), "password", "not-the-password")), JsonNode.class);
        ResponseEntity<JsonNode> unknown = http.postForEntity("/api/v1/auth/login",
                SignIn.json(Map.of("email", "nobody-" + tenant.code() + "@example.test", "password", "whatever-it-is")),
                JsonNode.class);

        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrong.getBody().get("detail")).isEqualTo(unknown.getBody().get("detail"));
    }

    @Test
    void anUnknownEmailCostsTheSamePasswordCheckAsAWrongPassword() {
        long wrong = medianMillis(() -> http.postForEntity("/api/v1/auth/login", SignIn.json(Map.of(
                "email", tenant.email("LEGAL_MANAGER"), "password", "not-the-password")), JsonNode.class));
        long unknown = medianMillis(() -> http.postForEntity("/api/v1/auth/login", SignIn.json(Map.of(
                "email", "nobody-" + java.util.UUID.randomUUID() + "@example.test", "password", "not-the-password")),
                JsonNode.class));

        // Both run one bcrypt comparison (cost 12, ~200 ms here); without it an unknown e-mail answers in ~2 ms.
        assertThat(unknown).isGreaterThan(wrong / 2);
    }

    private static long medianMillis(Runnable call) {
        long[] times = new long[3];
        for (int i = 0; i < times.length; i++) {
            long started = System.nanoTime();
            call.run();
            times[i] = (System.nanoTime() - started) / 1_000_000;
        }
        java.util.Arrays.sort(times);
        return times[1];
    }
}

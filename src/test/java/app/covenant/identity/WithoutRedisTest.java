package app.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The same rules hold on PostgreSQL with no Redis at all: lockout in memory, revocations in the database. */
@IntegrationTest
@TestPropertySource(properties = "REDIS_URL=")
class WithoutRedisTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectProvider<RedisConnectionFactory> redis;

    @Test
    void runsWithoutAnyRedisConnection() {
        assertThat(redis.getIfAvailable()).isNull();
        assertThat(http.getForObject("/api/v1/system/status", JsonNode.class).get("redis").asString()).isEqualTo("off");
    }

    @Test
    void lockoutWorksInMemory() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(login(tenant.email("USER"), "wrong-password-" + attempt).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<JsonNode> locked = login(tenant.email("USER"), TestTenants.PASSWORD);
        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.LOCKED);
        assertThat(locked.getHeaders().getFirst("Retry-After")).isNotBlank();

        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));
        SignIn.post(http, "/api/v1/users/" + tenant.userId("USER") + "/unlock", null, admin);
        assertThat(login(tenant.email("USER"), TestTenants.PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void signOutRevokesThroughTheDatabaseAlone() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        JsonNode tokens = SignIn.tokens(http, tenant.email("USER"), TestTenants.PASSWORD);
        String access = tokens.get("accessToken").asString();

        SignIn.post(http, "/api/v1/auth/logout", null, access);

        assertThat(SignIn.get(http, "/api/v1/auth/me", access).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.postForEntity("/api/v1/auth/refresh",
                SignIn.json(Map.of("refreshToken", tokens.get("refreshToken").asString())), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> login(String email, String password) {
        return http.postForEntity("/api/v1/auth/login", SignIn.json(Map.of("email", email, "password", password)),
                JsonNode.class);
    }
}

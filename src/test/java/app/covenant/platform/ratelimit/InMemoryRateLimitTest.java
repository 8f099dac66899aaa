package app.covenant.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.SignIn;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** The embedded default: no Redis at all, so the limits are kept in this node's memory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "REDIS_URL=", "DATABASE_URL=", "DATA_DIR=target/ratelimit-h2", "covenant.ratelimit.enabled=true",
        "covenant.ratelimit.per-minute=5", "covenant.ratelimit.auth-per-minute=3"})
@AutoConfigureTestRestTemplate
class InMemoryRateLimitTest {

    static final String ADMIN = "admin@covenant.test";
    static final String PASSWORD = "Covenant-Demo-2026";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ApplicationContext context;

    @Test
    void limitsWithoutRedis() {
        assertThat(context.getBeanProvider(RedisConnectionFactory.class).getIfAvailable()).isNull();
        assertThat(context.getBean(BucketStore.class)).isInstanceOf(LocalBucketStore.class);

        ResponseEntity<JsonNode> signedIn = login(PASSWORD);
        assertThat(signedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(signedIn.getHeaders().getFirst("RateLimit-Limit")).isEqualTo("5");
        assertThat(signedIn.getHeaders().getFirst("RateLimit-Remaining")).isEqualTo("4");
        String token = signedIn.getBody().get("accessToken").asString();
        assertThat(login("wrong-password-1").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(login("wrong-password-2").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<JsonNode> refused = login(PASSWORD);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
        assertThat(refused.getHeaders().getFirst("RateLimit-Limit")).isEqualTo("3");

        ResponseEntity<JsonNode> me = SignIn.get(http, "/api/v1/auth/me", token);
        assertThat(me.getStatusCode()).as("the signed-in admin has a bucket of their own").isEqualTo(HttpStatus.OK);
        assertThat(me.getHeaders().getFirst("RateLimit-Remaining")).isEqualTo("4");
        assertThat(http.getForEntity("/health", String.class).getHeaders().getFirst("RateLimit-Limit"))
                .as("health is not limited").isNull();
    }

    private ResponseEntity<JsonNode> login(String password) {
        return http.postForEntity("/api/v1/auth/login", SignIn.json(Map.of("email", ADMIN, "password", password)),
                JsonNode.class);
    }
}

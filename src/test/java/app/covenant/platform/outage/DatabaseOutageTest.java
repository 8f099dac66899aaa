package app.covenant.platform.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestDatabases;
import app.covenant.support.TestTenants;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL becomes unreachable for this node only (a TCP relay of the test's own between the pool and the
 * shared server, cut and restored): requests answer {@code 503} problems with {@code Retry-After} within
 * about the pool's timeout, and at once after the first; {@code /health} says {@code 503} just as fast while
 * liveness stays up; when the database answers again the node serves again without a restart.
 */
@IntegrationTest
@ContextConfiguration(initializers = DatabaseOutageTest.ThroughProxy.class)
@DirtiesContext
class DatabaseOutageTest {

    /** The pool's wait for a connection (test profile: 2 s) and a little. */
    private static final Duration QUICK = Duration.ofMillis(3000);
    static final String DATABASE = TestDatabases.createFresh();
    static final TcpProxy PROXY = proxyTo(DATABASE);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    @Test
    void requestsAnswer503QuicklyWhileTheDatabaseIsUnreachableAndServeAgainAfterwards() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        String token = SignIn.accessToken(http, tenant.email("USER"));
        assertThat(SignIn.get(http, "/api/v1/auth/me", token).getStatusCode()).isEqualTo(HttpStatus.OK);

        PROXY.cut();
        try {
            for (int i = 0; i < 3; i++) {
                // Signed in: the caller is read from the database in the security filters.
                assertUnavailable(quickly(() -> SignIn.get(http, "/api/v1/auth/me", token)));
                // Anonymous: the controller's transaction cannot start.
                assertUnavailable(quickly(() -> http.postForEntity("/api/v1/auth/login", SignIn.json(Map.of(
                        "email", tenant.email("USER"), "password", TestTenants.PASSWORD)), JsonNode.class)));
            }
            assertThat(quickly(() -> http.getForEntity("/health", JsonNode.class)).getStatusCode())
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(quickly(() -> http.getForEntity("/health/readiness", JsonNode.class)).getStatusCode())
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(quickly(() -> http.getForEntity("/health/liveness", JsonNode.class)).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        } finally {
            PROXY.restore();
        }

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(http.getForEntity("/health", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK));
        assertThat(SignIn.get(http, "/api/v1/auth/me", token).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(SignIn.accessToken(http, tenant.email("MANAGER"))).isNotBlank();
    }

    private static void assertUnavailable(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(response.getBody().get("status").asInt()).isEqualTo(503);
        assertThat(response.getBody().get("correlationId").asString()).isNotBlank();
    }

    private static <T> T quickly(Supplier<T> request) {
        long started = System.nanoTime();
        T answer = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered without a long wait").isLessThan(QUICK);
        return answer;
    }

    private static TcpProxy proxyTo(String jdbcUrl) {
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new TcpProxy(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
    }

    /** The application's pool reaches this test's database through the relay. */
    static class ThroughProxy implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            URI server = URI.create(DATABASE.substring("jdbc:".length()));
            String url = DATABASE.replace(server.getHost() + (server.getPort() < 0 ? "" : ":" + server.getPort()),
                    "127.0.0.1:" + PROXY.port());
            TestPropertyValues.of("spring.datasource.url=" + url).applyTo(context.getEnvironment());
        }
    }
}
